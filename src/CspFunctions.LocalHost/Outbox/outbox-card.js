// Draws the card whose JSON is on the page (#card-json) with the Adaptive Cards renderer, as Teams would show it. Without
// script, or without the renderer, the page shows the JSON alone.
(function () {
  "use strict";
  var source = document.getElementById("card-json");
  var target = document.getElementById("card-rendered");
  if (!source || !target || !window.AdaptiveCards || source.textContent.trim() === "") return;
  var card = new window.AdaptiveCards.AdaptiveCard();
  card.hostConfig = new window.AdaptiveCards.HostConfig({ fontFamily: "'Segoe UI', 'Helvetica Neue', Arial, sans-serif" });
  card.onExecuteAction = function (action) {
    if (action.url) window.open(action.url, "_blank", "noopener");
  };
  card.parse(JSON.parse(source.textContent));
  var rendered = card.render();
  if (!rendered) return;
  target.appendChild(rendered);
  target.hidden = false;
  var note = document.getElementById("card-not-rendered");
  if (note) note.hidden = true;
})();
