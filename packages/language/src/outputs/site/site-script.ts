/**
 * The site's one script: pan and zoom of the cascade, search by name or title, filters by tag, status,
 * lead and pace, and the sortable scorecard. Inline in the pages that use it and pinned by its hash in
 * their Content-Security-Policy (`script-src 'sha256-…'`), so it runs from `file://` as from `mission serve`
 * and nothing else can run. It reads the model only as data: the JSON island `#site-data` (parsed with
 * `JSON.parse`, `<` written as `\u003c` so no text of the model can close the element) and the ids and
 * `data-` attributes of the page, and writes text only with `textContent`.
 *
 * Hand-written, about 200 lines, rather than a library: the site must load nothing from elsewhere, and
 * the small pan/zoom and table-sort libraries each bring more than this page needs (and styles or
 * inline event handlers that the strict CSP would refuse).
 */
import { createHash } from 'node:crypto';

/** The id of the JSON island the script reads. */
export const SITE_DATA_ID = 'site-data';

export const SITE_SCRIPT = `(() => {
'use strict';
const island = document.getElementById('${SITE_DATA_ID}');
const data = island ? JSON.parse(island.textContent) : { missions: [], visions: [] };
const figure = document.querySelector('.cascade svg');
if (figure) cascade(figure);
const scorecard = document.querySelector('table.scorecard');
if (scorecard) sortable(scorecard);

function cascade(svg) {
    const box = svg.closest('.cascade');
    const base = svg.viewBox.baseVal;
    if (!base || !base.width) return;
    const full = { x: base.x, y: base.y, w: base.width, h: base.height };
    let view = Object.assign({}, full);
    box.classList.add('zoomable');
    box.tabIndex = 0;
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    const show = () => svg.setAttribute('viewBox', view.x + ' ' + view.y + ' ' + view.w + ' ' + view.h);
    const toFigure = (x, y) => new DOMPoint(x, y).matrixTransform(svg.getScreenCTM().inverse());
    const zoom = (factor, x, y) => {
        const w = Math.min(full.w * 2, Math.max(full.w / 60, view.w * factor));
        const k = w / view.w;
        view = { x: x - (x - view.x) * k, y: y - (y - view.y) * k, w: view.w * k, h: view.h * k };
        show();
    };
    const zoomAtCentre = factor => zoom(factor, view.x + view.w / 2, view.y + view.h / 2);
    const fit = () => { view = Object.assign({}, full); show(); };
    const pan = (dx, dy) => { view.x += dx * view.w; view.y += dy * view.h; show(); };
    svg.addEventListener('wheel', event => {
        event.preventDefault();
        const at = toFigure(event.clientX, event.clientY);
        zoom(Math.exp(Math.max(-1, Math.min(1, event.deltaY / 300))), at.x, at.y);
    }, { passive: false });
    let drag = null;
    let dragged = false;
    svg.addEventListener('pointerdown', event => {
        if (event.button !== 0) return;
        drag = { x: event.clientX, y: event.clientY, view: Object.assign({}, view), id: event.pointerId, moved: false };
        dragged = false;
    });
    svg.addEventListener('pointermove', event => {
        if (!drag || event.pointerId !== drag.id) return;
        const dx = event.clientX - drag.x;
        const dy = event.clientY - drag.y;
        if (!drag.moved && Math.hypot(dx, dy) < 4) return;
        if (!drag.moved) { drag.moved = true; svg.setPointerCapture(drag.id); box.classList.add('panning'); }
        const scale = svg.getScreenCTM().a || 1;
        view.x = drag.view.x - dx / scale;
        view.y = drag.view.y - dy / scale;
        show();
    });
    const drop = () => {
        if (drag && drag.moved) dragged = true;
        drag = null;
        box.classList.remove('panning');
    };
    svg.addEventListener('pointerup', drop);
    svg.addEventListener('pointercancel', drop);
    // A drag that ends on a node is not a click on its link.
    svg.addEventListener('click', event => {
        if (dragged) { event.preventDefault(); event.stopPropagation(); dragged = false; }
    }, true);
    box.addEventListener('keydown', event => {
        if (event.target !== box) return;
        const keys = { '+': () => zoomAtCentre(0.8), '=': () => zoomAtCentre(0.8), '-': () => zoomAtCentre(1.25),
            '0': fit, ArrowLeft: () => pan(-0.1, 0), ArrowRight: () => pan(0.1, 0),
            ArrowUp: () => pan(0, -0.1), ArrowDown: () => pan(0, 0.1) };
        const act = Object.prototype.hasOwnProperty.call(keys, event.key) ? keys[event.key] : undefined;
        if (act) { event.preventDefault(); act(); }
    });

    const tools = document.getElementById('cascade-tools');
    if (!tools) return;
    tools.hidden = false;
    for (const button of tools.querySelectorAll('button[data-zoom]')) {
        const kind = button.getAttribute('data-zoom');
        const act = kind === 'in' ? () => zoomAtCentre(0.8) : kind === 'out' ? () => zoomAtCentre(1.25) : fit;
        button.addEventListener('click', act);
    }
    const all = data.missions.map(m => ({ name: m[0], title: m[1], tags: m[2], status: m[3], lead: m[4], pace: m[5],
        page: m[6], text: (m[0] + ' ' + (m[1] || '')).toLowerCase() }));
    const missions = new Map(all.map(m => [m.name, m]));
    const visions = new Map(data.visions.map(v => [v[0], { title: v[1] }]));
    const nodes = [];
    for (const g of svg.querySelectorAll('g.node')) {
        const kind = g.id.startsWith('mission-') ? 'mission' : g.id.startsWith('vision-') ? 'vision' : '';
        if (!kind) continue;
        const name = g.id.slice(kind.length + 1);
        const info = (kind === 'mission' ? missions : visions).get(name);
        if (!info) continue;
        nodes.push({ g, kind, name, info, text: (name + ' ' + (info.title || '')).toLowerCase() });
    }
    const search = document.getElementById('find-name');
    const selects = ['tag', 'status', 'lead', 'pace'].map(key => [key, document.getElementById('filter-' + key)]);
    const count = document.getElementById('find-count');
    const results = document.getElementById('find-results');
    const LISTED = 12;
    let matches = [];
    const update = () => {
        const query = search.value.trim().toLowerCase();
        const filters = selects.filter(s => s[1] && s[1].value !== '').map(s => [s[0], s[1].value]);
        const active = query !== '' || filters.length > 0;
        const fits = (kind, info, text) => (query === '' || text.includes(query)) && filters.every(f =>
            kind === 'mission' && (f[0] === 'tag' ? info.tags.includes(f[1]) : info[f[0]] === f[1]));
        matches = [];
        for (const node of nodes) {
            const match = active && fits(node.kind, node.info, node.text);
            if (match) matches.push(node);
            node.g.classList.toggle('match', match);
            node.g.classList.toggle('dim', active && !match);
        }
        box.classList.toggle('filtering', active);
        // Every mission of the model, also those the figure leaves out (--depth): listed as links to their pages.
        const found = active ? all.filter(m => fits('mission', m, m.text)) : [];
        const drawn = matches.filter(node => node.kind === 'mission').length;
        const visions = matches.length - drawn;
        count.textContent = active ? found.length + ' of ' + all.length + ' missions' +
            (drawn !== found.length ? ' (' + drawn + ' in the figure)' : '') +
            (visions > 0 ? ' and ' + visions + ' vision' + (visions === 1 ? '' : 's') : '') : '';
        if (!results) return;
        results.textContent = '';
        results.hidden = found.length === 0;
        for (const m of found.slice(0, LISTED)) {
            const item = document.createElement('li');
            const link = document.createElement(/^missions\\/[A-Za-z0-9_~-]+\\.html$/.test(m.page) ? 'a' : 'span');
            if (link.localName === 'a') link.setAttribute('href', m.page);
            link.textContent = m.name;
            item.append(link);
            if (m.title) item.append(' ' + m.title);
            results.append(item);
        }
        if (found.length > LISTED) {
            const more = document.createElement('li');
            more.className = 'more';
            more.textContent = '… and ' + (found.length - LISTED) + ' more';
            results.append(more);
        }
    };
    const focusOn = node => {
        const bounds = node.g.getBBox();
        const centre = new DOMPoint(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2)
            .matrixTransform(node.g.getScreenCTM()).matrixTransform(svg.getScreenCTM().inverse());
        const w = Math.min(view.w, Math.max(bounds.width * 6, full.w / 60));
        const h = view.h * (w / view.w);
        view = { x: centre.x - w / 2, y: centre.y - h / 2, w, h };
        show();
        const link = node.g.querySelector('a');
        if (link) link.focus();
    };
    search.addEventListener('input', update);
    search.addEventListener('keydown', event => {
        if (event.key === 'Enter' && matches.length > 0) { event.preventDefault(); focusOn(matches[0]); }
        if (event.key === 'Escape') { search.value = ''; update(); }
    });
    for (const select of selects) if (select[1]) select[1].addEventListener('change', update);
    update();
}

function sortable(table) {
    const body = table.tBodies[0];
    const groups = [];
    for (const row of Array.from(body.rows)) {
        const starts = row.classList.contains('group') || groups.length === 0;
        if (starts) groups.push({ row, rows: [], order: groups.length });
        groups[groups.length - 1].rows.push(row);
    }
    const heads = Array.from(table.tHead.querySelectorAll('th[data-sort]'));
    let state = { key: '', dir: 1 };
    const value = (group, key) => {
        const text = group.row.getAttribute('data-' + key);
        if (text === null || text === '') return undefined;
        return key === 'name' ? text : Number(text);
    };
    const sort = () => {
        const sorted = groups.slice();
        if (state.key !== '') sorted.sort((a, b) => {
            const x = value(a, state.key);
            const y = value(b, state.key);
            if (x === undefined || y === undefined) return x === y ? a.order - b.order : x === undefined ? 1 : -1;
            const c = typeof x === 'string' ? x.localeCompare(y) : x - y;
            return c === 0 ? a.order - b.order : c * state.dir;
        });
        const rows = document.createDocumentFragment();
        for (const group of sorted) for (const row of group.rows) rows.append(row);
        body.append(rows);
        table.classList.toggle('sorted', state.key !== '');
        for (const th of heads) th.setAttribute('aria-sort', th.getAttribute('data-sort') !== state.key ? 'none'
            : state.dir === 1 ? 'ascending' : 'descending');
    };
    for (const th of heads) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'sort';
        button.textContent = th.textContent;
        button.title = 'Sort; a third click restores the cascade order';
        th.textContent = '';
        th.append(button);
        th.setAttribute('aria-sort', 'none');
        button.addEventListener('click', () => {
            const key = th.getAttribute('data-sort');
            state = state.key !== key ? { key, dir: 1 } : state.dir === 1 ? { key, dir: -1 } : { key: '', dir: 1 };
            sort();
        });
    }
}
})();
`;

/** The CSP source that allows the script and nothing else inline. */
export const SITE_SCRIPT_SOURCE = `'sha256-${createHash('sha256').update(SITE_SCRIPT).digest('base64')}'`;

/** The script element, exactly as pinned. */
export const SITE_SCRIPT_ELEMENT = `<script>${SITE_SCRIPT}</script>`;

/**
 * The JSON island: data for the script, never code. `<`, `>` and `&` are written as JSON escapes, so no text of
 * the model can end the element or open a comment; U+2028 and U+2029 too, for old parsers.
 */
export function dataIsland(data: unknown): string {
    const json = JSON.stringify(data).replace(
        /[<>&\u2028\u2029]/g,
        character => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`
    );
    return `<script type="application/json" id="${SITE_DATA_ID}">${json}</script>`;
}

/** A page without the site's own script and its data island: what is left must run nothing (for tests). */
export function withoutSiteScript(page: string): string {
    return page
        .replace(SITE_SCRIPT_ELEMENT, '')
        .replace(new RegExp(`<script type="application/json" id="${SITE_DATA_ID}">[^<]*</script>`), '');
}
