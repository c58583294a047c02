/* "Copy link" beside each section and exercise on module pages.
 * Trainers paste these addresses into plans, e-mails and learning platforms;
 * the ids are the same in every language, so the link works in /, /nb/ and /en/.
 * The words come from the page (#kc-strings), written by the build per language. */
(function () {
  "use strict";
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text; area.setAttribute("readonly", ""); area.style.position = "fixed"; area.style.opacity = "0";
    document.body.appendChild(area); area.select();
    try { document.execCommand("copy"); } finally { area.remove(); }
    return Promise.resolve();
  }
  function init() {
    var strings = document.getElementById("kc-strings");
    if (!strings || strings.hasAttribute("data-ready")) return;
    strings.setAttribute("data-ready", "");
    var label = strings.getAttribute("data-copy-link"), done = strings.getAttribute("data-link-copied");
    var status = document.createElement("span");
    status.className = "kc-visually-hidden"; status.setAttribute("role", "status");
    document.body.appendChild(status);
    document.querySelectorAll(".md-content h2[id], .md-content h3[id]").forEach(function (heading) {
      var button = document.createElement("button");
      button.type = "button"; button.className = "kc-copy-link";
      button.textContent = label;
      button.setAttribute("aria-label", label + ": " + heading.textContent.trim());
      button.setAttribute("data-anchor", heading.id);
      button.addEventListener("click", function () {
        var url = location.href.split("#")[0] + "#" + heading.id;
        copy(url).then(function () {
          button.textContent = done; status.textContent = done + ": " + url;
          setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
      heading.appendChild(button);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
