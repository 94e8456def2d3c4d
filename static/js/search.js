/* Suggestions in the search boxes, as the visitor types: a progressive enhancement. Without this
   file every search form still works as a plain form. What is typed goes only to this site's
   suggestion endpoint, which logs nothing; the browser's own <datalist> shows the titles, so it
   is announced and navigated like any native suggestion list. */
(function () {
  "use strict";

  if (window.nasnSearchSuggestions || !window.fetch) {
    return; // included once per search form: set up once
  }
  window.nasnSearchSuggestions = true;

  var DELAY = 250;
  var MIN_LENGTH = 2;

  var clear = function (list) {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
  };

  var enhance = function (form) {
    var input = form.querySelector("input[name='q']");
    var endpoint = form.getAttribute("data-suggest-url");
    if (!input || !endpoint) {
      return;
    }
    var list = document.createElement("datalist");
    list.id = input.id + "-suggestions";
    form.appendChild(list);
    input.setAttribute("list", list.id);

    var timer = null;
    var controller = null;
    var last = input.value.trim();

    var update = function () {
      var value = input.value.trim();
      if (value === last) {
        return;
      }
      last = value;
      if (controller) {
        controller.abort();
        controller = null;
      }
      if (value.length < MIN_LENGTH) {
        clear(list);
        return;
      }
      controller = window.AbortController ? new window.AbortController() : null;
      window
        .fetch(endpoint + "?q=" + encodeURIComponent(value), {
          credentials: "omit",
          referrerPolicy: "no-referrer",
          headers: { Accept: "application/json" },
          signal: controller ? controller.signal : undefined,
        })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          clear(list);
          (data.suggestions || []).forEach(function (suggestion) {
            var option = document.createElement("option");
            option.value = suggestion.title;
            list.appendChild(option);
          });
        })
        .catch(function () {
          /* Aborted or offline: the form still works without suggestions. */
        });
    };

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, DELAY);
    });
  };

  var start = function () {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-suggest-url]"), enhance);
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
