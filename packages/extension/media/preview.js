// The cascade preview's script (runs in the webview under a nonce-only CSP). It inserts the SVG the
// language server produced (already escaped there) as parsed SVG nodes, never through innerHTML,
// drops anything active from it, and owns pan and zoom so that they survive every update.
// @ts-check
(function () {
    // @ts-ignore acquireVsCodeApi is provided by the webview host
    const vscode = acquireVsCodeApi();
    const viewport = /** @type {HTMLElement} */ (document.getElementById('viewport'));
    const canvas = /** @type {HTMLElement} */ (document.getElementById('canvas'));
    const message = /** @type {HTMLElement} */ (document.getElementById('message'));
    const status = /** @type {HTMLElement} */ (document.getElementById('status'));

    /** @type {{ x: number, y: number, scale: number, fitted: boolean }} */
    const view = Object.assign({ x: 0, y: 0, scale: 1, fitted: false }, vscode.getState() || {});

    function applyView() {
        canvas.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
        vscode.setState(view);
    }

    /** A mission name for a node: data-mission, an id `mission-NAME`, or Graphviz's <title>. */
    function missionOf(/** @type {Element | null} */ target) {
        for (let element = target; element && element !== canvas; element = element.parentElement) {
            const data = element.getAttribute('data-mission');
            if (data) return data;
            const id = element.getAttribute('id') || '';
            if (id.startsWith('mission-')) return id.slice('mission-'.length);
            if (element.classList.contains('node')) {
                const title = element.querySelector(':scope > title');
                if (title && title.textContent) return title.textContent.trim();
            }
        }
        return undefined;
    }

    /** The mission nodes: marked with data-mission, or Graphviz nodes with the id `mission-NAME`. */
    function nodesOf(/** @type {Element} */ svg) {
        const marked = svg.querySelectorAll('[data-mission]');
        if (marked.length > 0) return marked;
        const missions = svg.querySelectorAll('g.node[id^="mission-"]');
        return missions.length > 0 ? missions : svg.querySelectorAll('g.node');
    }

    /** Parses SVG markup and removes scripts, foreign content, event handlers and non-local links. */
    function parseSvg(/** @type {string} */ markup) {
        const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
        const svg = doc.documentElement;
        if (svg.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length > 0) return undefined;
        for (const element of Array.from(svg.querySelectorAll('script, foreignObject, iframe, object, embed')))
            element.remove();
        for (const element of [svg, ...Array.from(svg.querySelectorAll('*'))]) {
            for (const attribute of Array.from(element.attributes)) {
                const name = attribute.name.toLowerCase();
                const isLink = name === 'href' || name === 'xlink:href';
                if (name.startsWith('on') || (isLink && !attribute.value.startsWith('#')))
                    element.removeAttribute(attribute.name);
            }
        }
        return /** @type {SVGSVGElement} */ (/** @type {unknown} */ (document.importNode(svg, true)));
    }

    function showMessage(/** @type {string} */ text) {
        message.textContent = text;
        message.hidden = false;
    }

    function showDiagram(/** @type {string} */ markup) {
        const svg = parseSvg(markup);
        if (!svg) {
            showMessage('The diagram could not be read.');
            return;
        }
        message.hidden = true;
        svg.classList.add('cascade');
        canvas.replaceChildren(svg);
        const nodes = Array.from(nodesOf(svg));
        const count = nodes.length;
        for (const node of nodes) node.classList.add('mission-node');
        canvas.setAttribute('data-node-count', String(count));
        // The names shown, for the tests (read as an attribute; nothing is rendered from it).
        canvas.setAttribute('data-missions', nodes.map(node => missionOf(node) || '').join(','));
        status.textContent = `${count} mission${count === 1 ? '' : 's'} · updated ${new Date().toLocaleTimeString()}`;
        if (!view.fitted) fit();
        applyView();
    }

    function fit() {
        const svg = canvas.querySelector('svg');
        if (!svg) return;
        const box = svg.getBoundingClientRect();
        const width = box.width / view.scale;
        const height = box.height / view.scale;
        if (width === 0 || height === 0) return;
        view.scale = Math.min(
            2,
            Math.max(0.05, Math.min(viewport.clientWidth / width, viewport.clientHeight / height) * 0.95)
        );
        view.x = (viewport.clientWidth - width * view.scale) / 2;
        view.y = 8; // top-aligned: the panel below the editor may shrink the view later
        view.fitted = true;
        applyView();
    }

    function zoomAt(/** @type {number} */ factor, /** @type {number} */ cx, /** @type {number} */ cy) {
        const scale = Math.min(8, Math.max(0.05, view.scale * factor));
        view.x = cx - ((cx - view.x) * scale) / view.scale;
        view.y = cy - ((cy - view.y) * scale) / view.scale;
        view.scale = scale;
        applyView();
    }

    /** Draws SVG markup to a canvas and answers a PNG data: URL (for "Export Diagram… PNG"). */
    function renderPng(/** @type {number} */ requestId, /** @type {string} */ markup) {
        const svg = parseSvg(markup);
        if (!svg) {
            vscode.postMessage({ type: 'png', requestId, error: 'The diagram could not be read.' });
            return;
        }
        const width = Number.parseFloat(svg.getAttribute('width') || '') || svg.viewBox.baseVal.width || 800;
        const height = Number.parseFloat(svg.getAttribute('height') || '') || svg.viewBox.baseVal.height || 600;
        const image = new Image();
        image.onload = () => {
            const scale = 2;
            const drawing = document.createElement('canvas');
            drawing.width = Math.ceil(width * scale);
            drawing.height = Math.ceil(height * scale);
            const context = drawing.getContext('2d');
            if (!context) {
                vscode.postMessage({ type: 'png', requestId, error: 'No 2D canvas.' });
                return;
            }
            context.fillStyle = '#ffffff';
            context.fillRect(0, 0, drawing.width, drawing.height);
            context.drawImage(image, 0, 0, drawing.width, drawing.height);
            vscode.postMessage({ type: 'png', requestId, dataUrl: drawing.toDataURL('image/png') });
        };
        image.onerror = () => vscode.postMessage({ type: 'png', requestId, error: 'The SVG could not be drawn.' });
        const serialized = new XMLSerializer().serializeToString(svg);
        image.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(serialized)));
    }

    let drag = /** @type {{ x: number, y: number, moved: boolean } | undefined} */ (undefined);
    viewport.addEventListener('pointerdown', event => {
        drag = { x: event.clientX, y: event.clientY, moved: false };
    });
    viewport.addEventListener('pointermove', event => {
        if (!drag || (event.buttons & 1) === 0) return;
        const dx = event.clientX - drag.x;
        const dy = event.clientY - drag.y;
        if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
        if (!drag.moved) viewport.setPointerCapture(event.pointerId);
        drag.moved = true;
        view.x += dx;
        view.y += dy;
        drag.x = event.clientX;
        drag.y = event.clientY;
        applyView();
    });
    viewport.addEventListener('pointerup', event => {
        const wasDrag = drag && drag.moved;
        drag = undefined;
        if (wasDrag) return;
        const mission = missionOf(/** @type {Element} */ (event.target));
        if (mission) vscode.postMessage({ type: 'reveal', mission });
    });
    viewport.addEventListener(
        'wheel',
        event => {
            event.preventDefault();
            const box = viewport.getBoundingClientRect();
            zoomAt(event.deltaY < 0 ? 1.1 : 1 / 1.1, event.clientX - box.left, event.clientY - box.top);
        },
        { passive: false }
    );
    document
        .getElementById('zoom-in')
        ?.addEventListener('click', () => zoomAt(1.25, viewport.clientWidth / 2, viewport.clientHeight / 2));
    document
        .getElementById('zoom-out')
        ?.addEventListener('click', () => zoomAt(0.8, viewport.clientWidth / 2, viewport.clientHeight / 2));
    document.getElementById('zoom-fit')?.addEventListener('click', () => {
        view.fitted = false;
        fit();
    });

    window.addEventListener('message', event => {
        const data = event.data;
        if (!data || typeof data !== 'object') return;
        if (data.type === 'diagram' && typeof data.svg === 'string') showDiagram(data.svg);
        else if (data.type === 'message' && typeof data.text === 'string') showMessage(data.text);
        else if (data.type === 'png' && typeof data.svg === 'string') renderPng(data.requestId, data.svg);
    });

    applyView();
    vscode.postMessage({ type: 'ready' });
})();
