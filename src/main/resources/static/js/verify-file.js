// /public/verify: the SHA-256 of a chosen file, worked out in the browser (Web Crypto), goes into the
// hash field and the form is sent; the file itself never leaves the computer.
document.addEventListener('DOMContentLoaded', () => {
  const input = document.getElementById('verify-file');
  const hash = document.getElementById('verify-hash');
  const form = document.getElementById('verify-form');
  if (!input || !hash || !form) {
    return;
  }
  if (!(window.crypto && window.crypto.subtle)) {
    // Web Crypto needs a secure context (https, or localhost).
    input.disabled = true;
    const note = document.getElementById('verify-file-unavailable');
    if (note) {
      note.hidden = false;
    }
    return;
  }
  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    if (!file) {
      return;
    }
    const digest = await window.crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    hash.value = Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, '0')).join('');
    form.requestSubmit();
  });
});
