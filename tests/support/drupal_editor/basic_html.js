/* CKEditor 5 (the npm package's browser build, served from this folder) set up as Drupal's
   Basic HTML editor. The test passes the setup that tests/support/drupal_editor.py builds from
   tests/data/drupal_basic_html.yml; nothing here knows the kit. */
/* global CKEDITOR */
'use strict';

// Drupal's DrupalEmphasis writes italic as <em>; CKEditor 5's Italic alone writes <i>, which
// Basic HTML does not allow.
function EmphasisAsEm(editor) {
  editor.conversion.for('downcast').attributeToElement({
    model: 'italic', view: 'em', converterPriority: 'high',
  });
}

window.makeEditor = async (setup) => {
  const plugins = setup.plugins.map((name) => {
    if (!CKEDITOR[name]) throw new Error(`the ckeditor5 package has no plugin ${name}`);
    return CKEDITOR[name];
  });
  window.editor = await CKEDITOR.ClassicEditor.create(document.querySelector('#editor'), {
    ...setup.config,
    licenseKey: 'GPL',
    plugins: [...plugins, EmphasisAsEm],
  });
  return CKEDITOR.version;
};

// What a webmaster does with a fragment: select Source, paste, select Source again (the editor
// reads the source back into its model), save (getData).
window.pasteIntoSource = async (html) => {
  const editor = window.editor;
  editor.setData('');
  const button = [...document.querySelectorAll('.ck-toolbar button')]
    .find((b) => b.textContent.trim() === 'Source');
  button.click();
  const area = document.querySelector('.ck-source-editing-area textarea');
  area.value = html;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  button.click();
  return editor.getData();
};

// The other way in: copy the rendered guide and paste it into the editing area (the clipboard's
// text/html, through CKEditor's paste pipeline).
window.pasteIntoEditor = async (html) => {
  const editor = window.editor;
  editor.setData('');
  editor.editing.view.focus();
  const data = new DataTransfer();
  data.setData('text/html', html);
  data.setData('text/plain', new DOMParser().parseFromString(html, 'text/html').body.textContent);
  const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  document.querySelector('.ck-editor__editable').dispatchEvent(paste);
  return editor.getData();
};

// The images in the editing area that do not load. The editor marks its images
// loading="lazy", so each address is loaded afresh and decoded.
window.brokenImages = async () => {
  const sources = [...document.querySelectorAll('.ck-editor__editable img')].map((img) => img.src);
  const broken = await Promise.all(sources.map(async (src) => {
    const image = new Image();
    image.src = src;
    try {
      await image.decode();
      return image.naturalWidth ? null : src;
    } catch (error) {
      return src;
    }
  }));
  return broken.filter(Boolean);
};
