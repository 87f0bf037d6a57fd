// The preview page: units and documents on the left, the pages on the right, errors as the
// command line shows them; live updates through server-sent events, keeping the scroll position.
/** The page's look (a document's fonts are loaded with it, as FontFace subsets: see font-subsets.ts). */
const STYLE = `* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, "Noto Sans SC", sans-serif; color: #222; background: #e9eaed; display: flex; height: 100vh; }
nav { width: 280px; overflow: auto; background: #fff; border-right: 1px solid #ccc; padding: 8px 0; flex: none; }
nav h2 { font-size: 13px; margin: 12px 12px 4px; color: #555; }
nav h2.bad { color: #b00020; }
nav a { display: block; padding: 4px 12px 4px 24px; color: #1a4f9c; text-decoration: none; cursor: pointer; }
nav a.current { background: #dbe7fb; font-weight: 600; }
main { flex: 1; display: flex; flex-direction: column; min-width: 0; }
header { padding: 8px 16px; background: #fff; border-bottom: 1px solid #ccc; display: flex; gap: 16px; align-items: center; }
header .title { font-weight: 600; flex: 1; }
header .state { color: #777; font-size: 12px; }
#errors { margin: 0; padding: 10px 16px; background: #fff0f0; color: #8a0015; border-bottom: 1px solid #e0b4b4; white-space: pre-wrap; font: 13px/1.45 ui-monospace, "Noto Sans Mono CJK SC", monospace; display: none; max-height: 40vh; overflow: auto; }
#errors.show { display: block; }
#pages { flex: 1; overflow: auto; padding: 24px; }
#pages.stale svg { opacity: .45; }
svg.page { display: block; width: min(100%, 820px); height: auto; margin: 0 auto 24px; box-shadow: 0 1px 4px rgba(0,0,0,.25); background: #fff; }
.empty { color: #777; text-align: center; margin-top: 20vh; }`;

/** Lists the units, loads a document's pages, follows changes (server-sent events). */
const SCRIPT = `const $ = (id) => document.getElementById(id);
let current = JSON.parse(localStorage.getItem('gongwen-preview') || 'null');
const fonts = new Map();
const esc = (s) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);

async function loadList() {
  const r = await (await fetch('/api/units')).json();
  const nav = $('units');
  nav.innerHTML = '';
  for (const u of r.units) {
    const h = document.createElement('h2');
    h.textContent = u.name;
    if (!u.ok) h.className = 'bad';
    nav.appendChild(h);
    for (const d of u.docs) {
      const a = document.createElement('a');
      a.textContent = d.name;
      a.dataset.unit = u.id;
      a.dataset.key = d.key;
      if (current && current.unit === u.id && current.key === d.key) a.className = 'current';
      a.onclick = () => { current = { unit: u.id, key: d.key }; localStorage.setItem('gongwen-preview', JSON.stringify(current)); loadList(); loadDoc(false); };
      nav.appendChild(a);
    }
  }
  showErrors(r.diagnostics);
  return r;
}

function showErrors(list) {
  const e = $('errors');
  e.textContent = list.join('\\n\\n');
  e.className = list.length ? 'show' : '';
}

async function loadDoc(keepScroll) {
  if (!current) return;
  const q = new URLSearchParams(current);
  const res = await fetch('/api/doc?' + q);
  const pages = $('pages');
  if (res.status === 404) { $('title').textContent = '（文档已不存在）'; return; }
  const d = await res.json();
  $('title').textContent = d.name;
  $('links').innerHTML = d.ok ? '<a href="/download?' + q + '&format=docx">下载 .docx</a> · <a href="/download?' + q + '&format=pdf">下载 .pdf</a> · <a href="/download?' + q + '&format=ofd">下载 .ofd</a>' : '';
  // The document's fonts: subsets of the faces with its characters, each loaded once.
  for (const f of d.fonts) {
    if (fonts.has(f.family)) continue;
    const face = new FontFace(f.family, 'url(' + f.url + ')');
    fonts.set(f.family, face);
    document.fonts.add(face);
    face.load().catch(() => {});
  }
  if (d.ok) {
    const top = pages.scrollTop;
    pages.innerHTML = d.pages.join('');
    pages.className = '';
    if (keepScroll) pages.scrollTop = top;
  } else pages.className = 'stale';
  // The unit's problems with the document's, once its pages are on screen.
  const unitErrors = (await (await fetch('/api/units')).json()).diagnostics;
  showErrors([...unitErrors, ...d.diagnostics]);
  $('state').textContent = '更新于 ' + new Date().toLocaleTimeString();
  document.body.dataset.version = String(Number(document.body.dataset.version || 0) + 1);
}

const events = new EventSource('/events');
events.onmessage = async () => { await loadList(); await loadDoc(true); };
loadList().then(() => loadDoc(false));`;

export function previewPage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>gongwen 预览</title>
<style>
${STYLE}
</style>
</head>
<body>
<nav id="units"></nav>
<main>
  <header><span class="title" id="title">选择左侧的文档</span><span id="links"></span><span class="state" id="state"></span></header>
  <pre id="errors"></pre>
  <div id="pages"><p class="empty">gongwen 预览：保存模板、数据或配置文件后，本页自动更新。</p></div>
</main>
<script>
${SCRIPT}
</script>
</body>
</html>`;
}
