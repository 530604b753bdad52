/**
 * The search dialog, imported on first open by the header's small script
 * (components/SiteHeader.astro): nothing here, nor Pagefind, loads before the reader asks for
 * search. The header script has already called `showModal()`, so what the reader types while
 * this module loads lands in the input and is searched once it is ready.
 */
import { mountSearch, type SearchUi } from './search-ui.ts';

interface DialogState {
  ui: SearchUi;
  /** Where focus was before the dialog opened; it goes back there on close. */
  returnTo: Element | null;
}

const states = new WeakMap<HTMLDialogElement, DialogState>();

/**
 * Called each time the header script has opened the dialog. `returnTo` is what had focus
 * before. If the reader closed the dialog before this module arrived, it stays closed.
 */
export function openSearchDialog(dialog: HTMLDialogElement, returnTo: Element | null): void {
  let state = states.get(dialog);
  const first = !state;
  if (!state) {
    const form = dialog.querySelector<HTMLFormElement>('form')!;
    const ui = mountSearch(form, { base: import.meta.env.BASE_URL, onOpen: () => close(dialog) });
    state = { ui, returnTo };
    states.set(dialog, state);
    wire(dialog, state);
  }
  state.returnTo = returnTo;
  if (!dialog.open) return;
  // Typed while this module loaded: search it. Reopened: select the last query, so typing
  // replaces it and arrow keys reach its results.
  if (first) {
    if (state.ui.input.value.trim()) void state.ui.run();
  } else state.ui.input.select();
}

function close(dialog: HTMLDialogElement): void {
  if (dialog.open) dialog.close();
}

function wire(dialog: HTMLDialogElement, state: DialogState): void {
  dialog.addEventListener('close', () => {
    const target = state.returnTo;
    state.returnTo = null;
    if (target instanceof HTMLElement && target.isConnected) target.focus();
  });
  // A search input clears itself on Escape before the dialog sees it; close in one press.
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.isComposing) {
      event.preventDefault();
      close(dialog);
    }
  });
  // A click on the backdrop (outside the panel, so on the dialog element itself) closes.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) close(dialog);
  });
  for (const button of dialog.querySelectorAll('[data-search-close]')) button.addEventListener('click', () => close(dialog));
}
