/* Three guards on Material's requests, loaded before Material's bundle.
 *
 * 1. Keep every script request on this site's own origin. Material fetches
 *    sitemap.xml from the host of each <link rel="alternate">. Our hreflang
 *    links are absolute, as search engines require, so on any other host (an
 *    intranet mirror, the offline bundle, the test server) Material would call
 *    the public host: a request to a third party. Refusing cross-origin XHR
 *    makes Material fall back to the plain per-page language links, which the
 *    build already sets correctly.
 *
 * 2. Load the search index only when the reader starts to search. Material
 *    fetches it on every page view; it holds all three languages and weighs
 *    more than the rest of the page together. The request waits until the
 *    search field gets focus (click, tab or Material's "/" and "s" keys).
 *
 * 3. Search in the reader's language. The index holds every language; before
 *    Material's search worker sees it, the documents of the other languages are
 *    dropped, so a query on /nb/ finds Norwegian pages only. The language
 *    prefixes come from the page's own hreflang links. Served over HTTP the
 *    index arrives by XHR; in the offline bundle (file://) as `var __index`.
 */
// The page's own tools appear before the first paint (CSS keys on .kc-js), not
// after their scripts run: nothing jumps when the scripts switch them on.
document.documentElement.classList.add("kc-js");

(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var searchWanted = false, waiting = [];

  function wantSearch() {
    if (searchWanted) return;
    searchWanted = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches("input[data-md-component=search-query]")) wantSearch();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) wantSearch();
  });

  /* The site-root-relative prefix of each language ("" for the default, "nb/", "en/"),
   * from this page's hreflang links: the same page in each language differs
   * from the default language's address only by the inserted prefix. */
  function languagePrefixes() {
    var links = Array.prototype.slice.call(document.querySelectorAll("link[rel=alternate][hreflang]"));
    var paths = links.map(function (l) { return { lang: l.hreflang, path: new URL(l.href).pathname }; });
    if (!paths.length) return null;
    var base = paths.reduce(function (a, b) { return a.path.length <= b.path.length ? a : b; }).path;
    var out = {};
    paths.forEach(function (p) {
      var i = 0;
      while (i < base.length && p.path[i] === base[i]) i++;
      out[p.lang] = p.path.slice(i, i + p.path.length - base.length);
    });
    return out;
  }

  function languageOnly(index) {
    var prefixes = languagePrefixes();
    var lang = document.documentElement.lang;
    if (!prefixes || !index || !index.docs || !(lang in prefixes)) return index;
    var mine = prefixes[lang];
    var others = Object.keys(prefixes).map(function (k) { return prefixes[k]; }).filter(function (p) { return p && p !== mine; });
    index.docs = index.docs.filter(function (doc) {
      var loc = doc.location || "";
      return mine ? loc.indexOf(mine) === 0 : !others.some(function (p) { return loc.indexOf(p) === 0; });
    });
    return index;
  }

  // file://: Material loads search/search_index.js, which declares `var __index`.
  var offlineIndex;
  Object.defineProperty(window, "__index", {
    configurable: true,
    get: function () { return offlineIndex; },
    set: function (value) { offlineIndex = languageOnly(value); }
  });

  var responseText = Object.getOwnPropertyDescriptor(XMLHttpRequest.prototype, "responseText").get;

  /* Material asks for the index as a Blob; read it as text, filter, hand back a Blob. */
  function filterResponse(xhr) {
    var wanted = "";
    Object.defineProperty(xhr, "responseType", {
      configurable: true, get: function () { return wanted; }, set: function (v) { wanted = v; }
    });
    var cached;
    Object.defineProperty(xhr, "response", {
      configurable: true,
      get: function () {
        if (cached === undefined) {
          var text = responseText.call(xhr), filtered = text;
          try { filtered = JSON.stringify(languageOnly(JSON.parse(text))); } catch (e) { /* not JSON: pass on */ }
          cached = wanted === "blob" ? new Blob([filtered], { type: "application/json" })
            : wanted === "json" ? JSON.parse(filtered) : filtered;
        }
        return cached;
      }
    });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    var target = new URL(String(url), location.href);
    if (target.origin !== location.origin) {
      throw new DOMException("Blocked request to another host: " + target.href, "SecurityError");
    }
    this._kcSearchIndex = /\/search\/search_index\.json$/.test(target.pathname);
    if (this._kcSearchIndex) filterResponse(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (xhr._kcSearchIndex && !searchWanted) {
      waiting.push(function () { send.apply(xhr, args); });
      return undefined;
    }
    return send.apply(xhr, args);
  };
})();
