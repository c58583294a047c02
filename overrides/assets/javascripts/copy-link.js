/* "Copy link" beside each section, exercise and checklist item on theme and module pages.
 * Trainers and committees paste these addresses into plans, e-mails and minutes; the ids are
 * the same in every language, so the link works in /, /nb/ and /en/.
 * Only the pages that have such links load this script (trivsel/expand/markers.py copy_link_assets).
 * The words, and which sections keep their button always in view, come from the page
 * (#kc-strings), written by the build per language. The buttons show on hover and focus (site.css). */
(function () {
  "use strict";
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text; area.setAttribute("readonly", ""); area.className = "kc-visually-hidden";
    document.body.appendChild(area); area.select();
    try { document.execCommand("copy"); } finally { area.remove(); }
    return Promise.resolve();
  }
  function init() {
    var strings = document.getElementById("kc-strings");
    if (!strings || strings.hasAttribute("data-ready")) return;
    strings.setAttribute("data-ready", "");
    var label = strings.getAttribute("data-copy-link"), done = strings.getAttribute("data-link-copied");
    var always = (strings.getAttribute("data-always") || "").split(" ").filter(Boolean);
    var status = document.createElement("span");
    status.className = "kc-visually-hidden"; status.setAttribute("role", "status");
    document.body.appendChild(status);
    function add(target, name) {
      var button = document.createElement("button");
      button.type = "button"; button.className = "kc-copy-link";
      if (always.some(function (prefix) { return target.id.indexOf(prefix) === 0; })) {
        button.className += " kc-copy-link--always";
      }
      button.textContent = label;
      button.setAttribute("aria-label", label + ": " + name);
      button.setAttribute("data-anchor", target.id);
      button.addEventListener("click", function () {
        var url = location.href.split("#")[0] + "#" + target.id;
        copy(url).then(function () {
          button.textContent = done; status.textContent = done + ": " + url;
          setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
      target.appendChild(button);
    }
    document.querySelectorAll(".md-content h2[id], .md-content h3[id]").forEach(function (heading) {
      add(heading, heading.textContent.trim());
    });
    document.querySelectorAll(".md-content ul.kc-checklist > li[id]").forEach(function (item) {
      var text = item.querySelector("label");
      add(item, (text || item).textContent.trim());
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
