/* NASN progressive enhancements. The site is fully readable without this file. */
(function () {
  "use strict";

  /* Leave this site (GOV.UK "Exit this page" pattern): the button, Shift pressed three
     times, or Escape outside form fields and menus. The page is blanked at once and replaced in
     history, so Back does not return to it. */
  var leaveLink = document.querySelector("[data-leave-site]");
  if (leaveLink) {
    var destination = leaveLink.getAttribute("href");
    var leave = function () {
      document.documentElement.classList.add("is-leaving");
      document.title = "\u00a0";
      if (document.body) {
        document.body.innerHTML = "";
      }
      window.location.replace(destination);
    };

    leaveLink.addEventListener("click", function (event) {
      event.preventDefault();
      leave();
    });

    var shiftPresses = 0;
    var shiftTimer = null;
    var isFormField = function (element) {
      return element && /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName);
    };

    document.addEventListener("keyup", function (event) {
      if (event.key === "Shift") {
        shiftPresses += 1;
        window.clearTimeout(shiftTimer);
        if (shiftPresses >= 3) {
          shiftPresses = 0;
          leave();
          return;
        }
        shiftTimer = window.setTimeout(function () {
          shiftPresses = 0;
        }, 1000);
      } else {
        shiftPresses = 0;
      }
    });

    /* Escape closes an open menu first; only with nothing open does it leave the site. */
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || isFormField(document.activeElement)) {
        return;
      }
      var openMenu = document.querySelector("details[open], dialog[open]");
      if (openMenu) {
        if (openMenu.tagName === "DETAILS") {
          openMenu.open = false;
          var summary = openMenu.querySelector("summary");
          if (summary) {
            summary.focus();
          }
        }
        return;
      }
      leave();
    });

    var hint = document.querySelector("[data-leave-site-hint]");
    if (hint) {
      hint.hidden = false;
    }
  }
})();
