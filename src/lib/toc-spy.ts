/**
 * Scroll-spy for the table of contents (components/TableOfContents.astro): the entry of the
 * section being read gets `aria-current="true"`. The section being read is the last heading
 * whose top has passed a line just under the sticky header; before the first heading, none.
 * Measured on scroll (at most once a frame) and on resize, not with IntersectionObserver:
 * a long section with no heading in view must stay current, which "is intersecting" misses.
 */
export function watchCurrentSection(tocs: HTMLElement[]): void {
  const links = tocs.flatMap((toc) => [...toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')]);
  const ids = [...new Set(links.map((a) => decodeURIComponent(a.hash.slice(1))))];
  const headings = ids.map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null);
  if (headings.length === 0) return;
  const header = document.querySelector<HTMLElement>('.atlas-header');
  let current: string | undefined;
  let queued = false;

  const update = () => {
    queued = false;
    const line = (header?.getBoundingClientRect().bottom ?? 0) + 16;
    let found: string | undefined;
    for (const heading of headings) {
      if (heading.getBoundingClientRect().top <= line) found = heading.id;
      else break;
    }
    // At the very bottom the last sections may never reach the line: the last one is read.
    if (scrollY > 0 && innerHeight + scrollY >= document.documentElement.scrollHeight - 2) found = headings.at(-1)!.id;
    if (found === current) return;
    current = found;
    for (const link of links) {
      if (decodeURIComponent(link.hash.slice(1)) === found) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  };
  const schedule = () => {
    if (!queued) {
      queued = true;
      requestAnimationFrame(update);
    }
  };
  addEventListener('scroll', schedule, { passive: true });
  addEventListener('resize', schedule, { passive: true });
  update();
}
