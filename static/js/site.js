/* NASN progressive enhancements. The site is fully readable without this file. */
(function () {
  "use strict";

  /* Leave this site (GOV.UK "Exit this page" pattern): the button, Shift pressed three
     times, or Escape outside forms and menus. The page is blanked at once and replaced in
     history, so Back does not return to it. */
  var leaveLink = document.querySelector("[data-leave-site]");
  if (leaveLink) {
    var destination = leaveLink.getAttribute("href");
    /* The only cookie a visitor can have is the report form's CSRF token (it ends with the
       browser session anyway): it goes too, so nothing of this site is left behind. */
    var clearCookies = function () {
      var secure = window.location.protocol === "https:" ? "; Secure" : "";
      document.cookie.split(";").forEach(function (cookie) {
        var name = cookie.split("=")[0].trim();
        if (name) {
          document.cookie = name + "=; Max-Age=0; Path=/; SameSite=Lax" + secure;
        }
      });
    };
    var leave = function () {
      clearCookies();
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
    /* Escape must never throw away a half-written report: it does nothing while focus is in a
       form (its fields and its buttons), or while a form that sends what was written (method
       post) holds anything. Search and filter forms (method get) hold nothing worth keeping. */
    var isInForm = function (element) {
      return Boolean(
        element &&
          (/^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName) ||
            element.isContentEditable ||
            element.closest("form"))
      );
    };
    /* What someone has written or chosen, including what the server showed back after a
       rejected attempt: compared with nothing rather than with the page's first state. */
    var holdsInput = function (control) {
      if (control.type === "checkbox" || control.type === "radio") {
        return control.checked;
      }
      if (control.tagName === "SELECT") {
        return control.selectedIndex > 0;
      }
      return /^(TEXTAREA|INPUT)$/.test(control.tagName) && control.type !== "hidden" && control.value.trim() !== "";
    };
    var hasUnsentInput = function () {
      return Array.prototype.some.call(document.forms, function (form) {
        return form.method === "post" && Array.prototype.some.call(form.elements, holdsInput);
      });
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

    /* Escape closes an open menu first; only with nothing open does it leave the site.
       Shift pressed three times always leaves. */
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || isInForm(document.activeElement)) {
        return;
      }
      var openMenu = document.querySelector("details[open], dialog[open], [data-menu-toggle][aria-expanded=true]");
      if (openMenu) {
        if (openMenu.hasAttribute("data-menu-toggle")) {
          openMenu.click();
          openMenu.focus();
        } else if (openMenu.tagName === "DETAILS") {
          openMenu.open = false;
          var summary = openMenu.querySelector("summary");
          if (summary) {
            summary.focus();
          }
        }
        return;
      }
      if (!hasUnsentInput()) {
        leave();
      }
    });

    var hint = document.querySelector("[data-leave-site-hint]");
    if (hint) {
      hint.hidden = false;
    }
  }
})();

/* Report form: once sent, its text must not come back when someone presses Back on a shared
   phone. The server forbids caching and the form has autocomplete="off"; this also clears it
   if a browser keeps the page in its back/forward cache anyway. (No unload handler: that
   only keeps the page out of the cache in some browsers and slows every navigation.) */
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    if (event.target.matches("[data-report-form]")) {
      event.target.setAttribute("data-submitted", "");
    }
  });

  var clearSubmitted = function () {
    document.querySelectorAll("[data-report-form][data-submitted]").forEach(function (form) {
      form.reset();
    });
  };
  window.addEventListener("pagehide", clearSubmitted);
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      clearSubmitted();
    }
  });
})();

/* Small screens: the main menu and the search box fold behind a "Menu" button, so the help on
   each page comes first (CSS hides the menu only while this button shows and is collapsed). */
(function () {
  "use strict";

  var toggle = document.querySelector("[data-menu-toggle]");
  var menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
  if (!menu) {
    return;
  }
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    toggle.setAttribute("aria-expanded", String(toggle.getAttribute("aria-expanded") !== "true"));
  });
})();

/* Readership: when a page is shown, tell this site which page was read in which language (the
   page's id and language are in <main>'s data attributes), so editors know what to translate
   next. Nothing else is sent: no cookie, no identifier, nothing stored on the device. Not sent
   when the browser asks not to be tracked (Global Privacy Control, Do Not Track); the server
   checks this again, and ignores bots (readership/beacon.py). */
(function () {
  "use strict";

  var main = document.querySelector("main[data-readership-beacon]");
  if (!main || !navigator.sendBeacon || navigator.globalPrivacyControl || navigator.doNotTrack === "1") {
    return;
  }
  var body = JSON.stringify({
    page: Number(main.getAttribute("data-readership-page")),
    language: main.getAttribute("data-readership-language"),
  });
  var send = function () {
    navigator.sendBeacon(main.getAttribute("data-readership-beacon"), body);
  };
  /* Shown means visible: a tab opened in the background, or a page prerendered, is counted when
     it is first looked at, and a page restored by Back from the back/forward cache again. */
  var sendWhenVisible = function () {
    if (document.visibilityState === "visible") {
      send();
      return;
    }
    var onVisible = function () {
      if (document.visibilityState === "visible") {
        document.removeEventListener("visibilitychange", onVisible);
        send();
      }
    };
    document.addEventListener("visibilitychange", onVisible);
  };
  sendWhenVisible();
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      sendWhenVisible();
    }
  });
})();
