/**
 * What runs inside the renderer's Chromium page (plain JavaScript, as a string: it is sent to
 * the browser as is, never bundled or transpiled for Node).
 *
 * `atlasRender(id, source, written)` draws one diagram with Mermaid (`source` is the author's
 * text `written` with the palette added; see below) and then moves Mermaid's stylesheet into
 * `style` attributes. The site's Content-Security-Policy (src/integrations/astro-config.ts)
 * blocks inline `<style>` elements without a hash but allows `style` attributes, so a diagram
 * that kept its `<style>` would draw in black. The browser that drew the diagram resolves the
 * cascade: each element's computed values with the stylesheet are compared with what it would
 * show without it, and only the differences are written, where they are not simply inherited.
 */
export const PAGE_SCRIPT = `
// The properties that draw SVG. Mermaid's stylesheet also styles HTML labels (borders,
// backgrounds, text-align), which SVG ignores; copying those would only add bytes.
const SVG_PROPERTIES = new Set(['fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-dasharray',
  'stroke-dashoffset', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'opacity',
  'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'alignment-baseline',
  'text-decoration', 'letter-spacing', 'cursor', 'filter', 'display', 'visibility', 'stop-color', 'stop-opacity',
  'flood-color', 'flood-opacity', 'marker-start', 'marker-mid', 'marker-end']);
// Of those, the ones an element inherits from its parent: written only where they change.
const INHERITED = new Set(['fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-dasharray',
  'stroke-dashoffset', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'font-family',
  'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'letter-spacing', 'cursor',
  'visibility', 'marker-start', 'marker-mid', 'marker-end']);

function inlineStyles(svg) {
  const owner = svg.querySelector('style');
  const sheet = owner && owner.sheet;
  if (!sheet) return;
  const properties = new Set();
  const collect = (rules) => {
    for (const rule of rules) {
      if (rule instanceof CSSStyleRule) {
        for (const name of rule.style) if (SVG_PROPERTIES.has(name)) properties.add(name);
      } else if (rule.cssRules && !(rule instanceof CSSKeyframesRule)) {
        collect(rule.cssRules);
      }
    }
  };
  collect(sheet.cssRules);
  // Text was measured with these: always pinned on the <svg>, even where Mermaid set none.
  for (const name of ['font-family', 'font-size', 'font-weight', 'font-style', 'letter-spacing']) properties.add(name);
  const elements = [svg, ...svg.querySelectorAll('*')].filter((e) => !['style', 'title', 'desc'].includes(e.localName));
  const read = () => elements.map((e) => {
    const computed = getComputedStyle(e);
    const values = {};
    for (const name of properties) values[name] = computed.getPropertyValue(name);
    return values;
  });
  const withSheet = read();
  sheet.disabled = true;
  const without = read();
  owner.remove();
  const at = new Map(elements.map((e, i) => [e, i]));
  elements.forEach((element, i) => {
    const parent = at.get(element.parentElement);
    const declarations = [];
    for (const name of properties) {
      const wanted = withSheet[i][name];
      // Without the stylesheet, what would this element show once its ancestors have their
      // inline styles? An inherited value it does not set itself comes from its parent, whose
      // final value is the one it had with the stylesheet; anything else is its own
      // (attribute, style or initial) value.
      const ownValue = element.hasAttribute(name) || element.style.getPropertyValue(name) !== '';
      const inherits = INHERITED.has(name) && !ownValue && parent !== undefined;
      const wouldBe = inherits ? withSheet[parent][name] : without[i][name];
      // The <svg> itself pins everything it passes down (fonts above all: the layout was
      // measured with them), whatever the page around it sets.
      const pin = parent === undefined && INHERITED.has(name);
      if (pin || wouldBe !== wanted) declarations.push(name + ':' + wanted);
    }
    const own = element.getAttribute('style');
    if (declarations.length) element.setAttribute('style', declarations.join(';') + (own ? ';' + own : ''));
  });
}

// \`written\` is the author's source when \`source\` has lines added to it (the palette): it is
// parsed first, so a syntax error quotes the author's lines and line numbers, not ours.
globalThis.atlasRender = async (id, source, written) => {
  try {
    if (written !== undefined && written !== source) await globalThis.mermaid.parse(written);
    const { svg } = await globalThis.mermaid.render(id, source);
    const holder = document.createElement('div');
    holder.innerHTML = svg;
    document.body.append(holder);
    inlineStyles(holder.querySelector('svg'));
    return { ok: true, svg: holder.innerHTML };
  } catch (error) {
    return { ok: false, message: String((error && error.message) || error) };
  } finally {
    document.body.replaceChildren();
  }
};`;
