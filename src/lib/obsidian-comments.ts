/**
 * Obsidian comments: `%%hidden%%`, inline or spanning many lines and blocks. They are never
 * published. A comment can span block boundaries (a heading, a list, a code fence), which no
 * Markdown parser knows, so they are removed from the source text before parsing. Newlines
 * inside a comment stay, so line numbers of everything else are unchanged. (Padding with
 * spaces would keep columns too, but four spaces in front of text make an indented code block.)
 *
 * `%%` inside fenced code or inline code is text, as in Obsidian.
 */
export function stripComments(source: string): string {
  if (!source.includes('%%')) return source;
  const lines = source.split('\n');
  let fence: string | undefined; // the opening fence (``` or ~~~, maybe longer) while inside one
  let inComment = false;
  const out: string[] = [];
  for (const line of lines) {
    if (!inComment) {
      // An opening or closing code fence: up to 3 spaces, then 3+ backticks or tildes.
      const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (fence) {
        if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = undefined;
        out.push(line);
        continue;
      }
      if (fenceMatch) {
        fence = fenceMatch[1];
        out.push(line);
        continue;
      }
    }
    let result = '';
    let i = 0;
    while (i < line.length) {
      if (inComment) {
        const end = line.indexOf('%%', i);
        if (end === -1) {
          i = line.length;
        } else {
          i = end + 2;
          inComment = false;
        }
        continue;
      }
      const char = line[i]!;
      if (char === '`') {
        // Inline code: a run of N backticks up to the next run of exactly N backticks.
        const run = /^`+/.exec(line.slice(i))![0];
        const close = line.indexOf(run, i + run.length);
        if (close !== -1 && line[close + run.length] !== '`') {
          result += line.slice(i, close + run.length);
          i = close + run.length;
          continue;
        }
        result += run;
        i += run.length;
        continue;
      }
      if (char === '%' && line[i + 1] === '%') {
        inComment = true;
        i += 2;
        continue;
      }
      result += char;
      i += 1;
    }
    out.push(result);
  }
  return out.join('\n');
}
