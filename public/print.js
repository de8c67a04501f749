// The print copy of a brief (/b/<team>/<note>/<edition>/print): opens the
// browser's print dialog once the page is drawn, and goes back to the brief
// when the dialog closes, printed or not.
addEventListener("load", () => print());
addEventListener("afterprint", () => {
  const back = document.querySelector("a[data-after-print]");
  if (back) location.replace(back.href);
});
