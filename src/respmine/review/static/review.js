// respmine review: small progressive enhancements. Every page works without this script.
(function () {
  "use strict";

  // Filter menus submit themselves when changed (the Apply button stays for keyboard users).
  document.querySelectorAll("form[data-autosubmit] select, form[data-autosubmit] input[type=checkbox]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });

  // Forms that change the codebook for everyone ask first.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });

  // Selecting words in the segment text sets the evidence of a code being added.
  var text = document.getElementById("segment-text");
  var start = document.getElementById("evidence-start");
  var end = document.getElementById("evidence-end");
  var shown = document.getElementById("evidence-shown");
  if (!text || !start || !end || !shown) { return; }

  // Offsets in characters (code points), as the server's Python strings count them: a string's
  // .length in JavaScript counts UTF-16 units, two for an emoji or any character outside the BMP.
  function offsetOf(node, offset) {
    var range = document.createRange();
    range.selectNodeContents(text);
    range.setEnd(node, offset);
    return Array.from(range.toString()).length;
  }

  function pick() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return; }
    var range = selection.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) { return; }
    var a = offsetOf(range.startContainer, range.startOffset);
    var b = offsetOf(range.endContainer, range.endOffset);
    if (b <= a) { return; }
    start.value = String(a);
    end.value = String(b);
    shown.textContent = "Evidence: \u201c" + Array.from(text.textContent).slice(a, b).join("") + "\u201d";
  }

  text.addEventListener("mouseup", pick);
  text.addEventListener("keyup", pick);
  var clear = document.getElementById("evidence-clear");
  if (clear) {
    clear.addEventListener("click", function () {
      start.value = ""; end.value = "";
      shown.textContent = "Evidence: the whole segment (select words in the text above to narrow it).";
    });
  }
})();
