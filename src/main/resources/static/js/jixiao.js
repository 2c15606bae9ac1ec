// htmx requests carry the CSRF token the page was rendered with.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
// Destructive actions ask first; the question is in the button's data-confirm (from the message bundle).
document.addEventListener('submit', function (event) {
  var button = event.submitter;
  if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) {
    event.preventDefault();
  }
});
// Narrative figure decisions (issue 12): a refused decision (a stale version, …) says why.
document.addEventListener('htmx:responseError', function (event) {
  var elt = event.detail.elt;
  if (!elt || elt.name !== 'figureDecision') {
    return;
  }
  var xhr = event.detail.xhr;
  var detail = '';
  try {
    detail = JSON.parse(xhr.responseText).detail || '';
  } catch (e) {
    detail = '';
  }
  window.alert(detail || (xhr.status + ' ' + xhr.statusText));
});
