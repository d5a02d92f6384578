// /static/recolte.js: enhancement only, every page works without it (and the CSP forbids inline
// scripts, so this file is the only script). It leaves empty filter fields out of the address, so
// a filtered catalogue's address stays short enough to read and share, and folds the catalogue's
// filters away on a phone.
#include "publish/static_assets.hpp"

namespace recolte::publish {

const std::string_view kRecolteJs = R"js('use strict';
(function () {
  function fields(form) {
    return form.querySelectorAll('input[name], select[name]');
  }
  document.addEventListener('DOMContentLoaded', function () {
    // On a phone the results come first: fold the filters away unless one is in use.
    if (window.matchMedia('(max-width: 760px)').matches) {
      document.querySelectorAll('details.more-filters:not([data-active])').forEach(function (d) {
        d.open = false;
      });
    }
    document.querySelectorAll('form.filters').forEach(function (form) {
      form.addEventListener('submit', function () {
        fields(form).forEach(function (el) {
          if (el.value === '') el.disabled = true;
        });
      });
    });
  });
  // Coming back through the history: the fields disabled at submit must work again.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form.filters').forEach(function (form) {
      fields(form).forEach(function (el) { el.disabled = false; });
    });
  });
})();
)js";

}  // namespace recolte::publish
