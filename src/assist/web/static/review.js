// The review page, better with JavaScript: copy to the clipboard, a live length count, keys.
// Everything here has a plain-HTML way too (the text is selectable, the forms post without it).
(function () {
  "use strict";
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card"));
  var current = -1;

  function focusCard(index) {
    if (!cards.length) { return; }
    current = Math.max(0, Math.min(cards.length - 1, index));
    cards[current].focus();
    cards[current].scrollIntoView({ block: "nearest" });
  }

  function cardOf(element) {
    return element && element.closest ? element.closest(".card") : null;
  }

  document.querySelectorAll("button.copy").forEach(function (button) {
    if (!navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var area = document.getElementById(button.getAttribute("data-copy"));
      navigator.clipboard.writeText(area.value).then(function () {
        button.setAttribute("data-copied", "1");
        button.classList.add("done");
      });
    });
  });

  document.querySelectorAll(".card textarea").forEach(function (area) {
    var count = cardOf(area).querySelector("[data-count]");
    if (!count) { return; }
    var line = count.parentElement;
    var limit = line ? parseInt(line.textContent.split("/")[1], 10) : 0;
    function recount() {
      count.textContent = String(area.value.length);
      line.classList.toggle("over", limit > 0 && area.value.length > limit);
    }
    area.addEventListener("input", recount);
    recount();  // what was typed before this script ran counts too
  });

  var hash = window.location.hash.slice(1);
  if (hash) {
    cards.forEach(function (card, index) { if (card.id === hash) { current = index; } });
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (target && (target.tagName === "TEXTAREA" || target.tagName === "INPUT" || target.tagName === "SELECT")) {
      if (event.key === "Escape") { target.blur(); }
      return;
    }
    var key = event.key;
    if (key === "j") { focusCard(current + 1); event.preventDefault(); return; }
    if (key === "k") { focusCard(current - 1); event.preventDefault(); return; }
    if (key === "u") {
      var undo = document.querySelector('.undo [data-key="u"]');
      if (undo) { undo.click(); }
      return;
    }
    var card = cardOf(document.activeElement) || cards[current];
    if (!card) { return; }
    if (key === "e") {
      var area = card.querySelector("textarea:not([readonly])");
      if (area) { area.focus(); event.preventDefault(); }
      return;
    }
    var control = card.querySelector('[data-key="' + key + '"]:not([hidden])');
    if (control && "acsox".indexOf(key) >= 0) { control.click(); event.preventDefault(); }
  });
}());
