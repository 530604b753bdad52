/** Copy buttons for code blocks (components/CopyButtons.astro). Browser-only. */

const SHOWN_MS = 2000;

export function addCopyButtons(blocks: Iterable<HTMLPreElement>, status: HTMLElement | null): void {
  for (const pre of blocks) {
    if (pre.closest('figure, .atlas-diagram')) continue;
    // The wrapper holds the button still while the code scrolls sideways.
    const wrapper = document.createElement('div');
    wrapper.className = 'atlas-code';
    pre.replaceWith(wrapper);
    wrapper.append(pre);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'atlas-copy';
    // The accessible name starts with the visible label (WCAG 2.5.3) and says what is copied.
    const label = document.createElement('span');
    label.textContent = 'Copy';
    const what = document.createElement('span');
    what.className = 'atlas-sr-only';
    const language = pre.dataset.language && pre.dataset.language !== 'plaintext' ? ` ${pre.dataset.language}` : '';
    what.textContent = `${language} code`;
    button.append(label, what);
    wrapper.append(button);
    let timer: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener('click', async () => {
      const text = (pre.querySelector('code') ?? pre).innerText.replace(/\n$/, '');
      let message: string;
      try {
        await navigator.clipboard.writeText(text);
        message = 'Copied';
      } catch {
        // No clipboard access (an insecure origin, or a refusal): select the code instead.
        getSelection()?.selectAllChildren(pre.querySelector('code') ?? pre);
        message = 'Selected: press Ctrl+C to copy';
      }
      label.textContent = message === 'Copied' ? 'Copied' : 'Selected';
      if (status) {
        // Cleared first, so a second "Copied" in a row is announced again.
        status.textContent = '';
        requestAnimationFrame(() => (status.textContent = message));
      }
      clearTimeout(timer);
      timer = setTimeout(() => (label.textContent = 'Copy'), SHOWN_MS);
    });
  }
}
