// Anki turns on a note type's night-mode CSS with a class on <body>; do the same when the
// reader's system is in dark mode, so the previews use the note type's own dark colours.
(function () {
  "use strict";
  var query = window.matchMedia("(prefers-color-scheme: dark)");
  function apply() {
    document.body.classList.toggle("nightMode", query.matches);
    document.body.classList.toggle("night_mode", query.matches);
  }
  apply();
  if (query.addEventListener) {
    query.addEventListener("change", apply);
  }
})();
