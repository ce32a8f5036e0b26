// Whether this page can draw with WebGL, and whether a GPU or a software rasteriser (SwiftShader, llvmpipe)
// does the drawing. A virtual desktop or a locked-down police workstation often has only the latter.
export type WebglSupport = { kind: 'none' } | { kind: 'software' | 'hardware'; renderer: string };

/** Renderer strings of the software rasterisers Chromium, Firefox and Windows fall back to. */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render driver|mesa offscreen/i;

export function classifyWebglRenderer(renderer: string): 'software' | 'hardware' {
  return SOFTWARE_RENDERERS.test(renderer) ? 'software' : 'hardware';
}

/** Asks a throw-away canvas for a WebGL context and, through WEBGL_debug_renderer_info, who draws it. */
export function detectWebgl(doc: Document = document): WebglSupport {
  let gl: WebGLRenderingContext | WebGL2RenderingContext | null = null;
  try {
    const canvas = doc.createElement('canvas');
    gl = (canvas.getContext('webgl2') as WebGL2RenderingContext | null) ?? (canvas.getContext('webgl') as WebGLRenderingContext | null);
  } catch {
    gl = null;
  }
  if (!gl) return { kind: 'none' };
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String((info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { kind: classifyWebglRenderer(renderer), renderer };
}
