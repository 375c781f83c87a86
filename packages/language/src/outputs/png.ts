/** SVG → PNG with resvg (a Rust SVG renderer, no browser): twice the SVG's size on white. */
import { Resvg } from '@resvg/resvg-js';

export function svgToPng(svg: string, zoom = 2): Uint8Array {
    const renderer = new Resvg(svg, {
        fitTo: { mode: 'zoom', value: zoom },
        background: 'white',
        font: {
            loadSystemFonts: true,
            // Graphviz measures text as Helvetica; Liberation Sans has the same metrics.
            defaultFontFamily: 'Liberation Sans',
            sansSerifFamily: 'Liberation Sans'
        }
    });
    return renderer.render().asPng();
}
