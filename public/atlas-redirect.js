// Redirect pages of moved notes (src/lib/redirect-page.ts): go to the new address and keep the
// fragment, so `/old-name/#section` lands on `/new-name/#section`. A meta refresh follows
// without JavaScript, but drops the fragment.
location.replace(document.currentScript.dataset.target + location.hash);
