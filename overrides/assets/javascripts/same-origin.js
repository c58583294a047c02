/* Keep every script request on this site's own origin.
 *
 * Material fetches sitemap.xml from the host of each <link rel="alternate">.
 * Our hreflang links are absolute, as search engines require, so on any other
 * host (an intranet mirror, the offline bundle, the test server) Material
 * would call the public host: a request to a third party. Refusing
 * cross-origin XHR makes Material fall back to the plain per-page language
 * links, which the build already sets correctly.
 */
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var target = new URL(String(url), location.href);
    if (target.origin !== location.origin) {
      throw new DOMException("Blocked request to another host: " + target.href, "SecurityError");
    }
    return open.apply(this, arguments);
  };
})();
