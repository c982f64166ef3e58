/**
 * The focus's edges, drawn by a layer of their own (a sigma 4 custom layer program) above the
 * nodes, while the veil (renderer.ts) keeps every other edge from being drawn.
 *
 * Why not sigma's edge program with the edges lifted to a higher depth layer: sigma keeps each
 * layer's items as ranges of one buffer, and the edges of a hub lie all over it; lifted, they cut
 * the ranges into as many pieces, each one draw call (thousands for a hub of the synthetic
 * 13,000-node graph: most of a second a frame in software WebGL). Here the focus's edges are one
 * draw call, rebuilt from the nodes' display positions at every frame (a dragged node moves its
 * edges), at a cost of the focus's degree.
 */
import type { ViewSigma } from './renderer.js';

const VERTEX = `#version 300 es
in vec2 a_from;
in vec2 a_to;
in vec2 a_corner;
uniform mat3 u_matrix;
uniform vec2 u_resolution;
uniform float u_thickness;
void main() {
  vec2 from = (u_matrix * vec3(a_from, 1.0)).xy;
  vec2 to = (u_matrix * vec3(a_to, 1.0)).xy;
  vec2 along = (to - from) * u_resolution;
  vec2 normal = length(along) > 0.0 ? normalize(vec2(-along.y, along.x)) : vec2(0.0, 1.0);
  vec2 at = mix(from, to, a_corner.x);
  gl_Position = vec4(at + normal * a_corner.y * u_thickness / u_resolution, 0.0, 1.0);
}`;

const FRAGMENT = `#version 300 es
precision mediump float;
uniform vec4 u_color;
out vec4 color;
void main() { color = u_color; }`;

/** The two triangles of a segment: (along 0…1, side −1…1). */
const CORNERS = [0, -1, 1, -1, 0, 1, 0, 1, 1, -1, 1, 1];

export interface FocusEdges {
  /** The segments to draw, as pairs of node keys; none clears the layer. */
  set(pairs: readonly (readonly [string, string])[]): void;
}

/** Registers the layer at `depth` of the sigma instance; `color` as #rrggbb, `thickness` in CSS px. */
export function createFocusEdges(sigma: ViewSigma, depth: string, color: string, thickness: number): FocusEdges {
  let pairs: readonly (readonly [string, string])[] = [];
  const rgb = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16) / 255);

  sigma.addCustomLayerProgram('guanxi-focus-edges', depth as never, (gl) => {
    const compile = (type: number, source: string) => {
      const shader = gl.createShader(type)!;
      gl.shaderSource(shader, source);
      gl.compileShader(shader);
      return shader;
    };
    const program = gl.createProgram()!;
    const shaders = [compile(gl.VERTEX_SHADER, VERTEX), compile(gl.FRAGMENT_SHADER, FRAGMENT)];
    for (const s of shaders) gl.attachShader(program, s);
    gl.linkProgram(program);
    const buffer = gl.createBuffer()!;
    const vao = gl.createVertexArray()!;
    gl.bindVertexArray(vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    const stride = 6 * 4;
    for (const [name, offset] of [['a_from', 0], ['a_to', 8], ['a_corner', 16]] as const) {
      const at = gl.getAttribLocation(program, name);
      gl.enableVertexAttribArray(at);
      gl.vertexAttribPointer(at, 2, gl.FLOAT, false, stride, offset);
    }
    gl.bindVertexArray(null);
    const uniform = (name: string) => gl.getUniformLocation(program, name);
    const [matrix, resolution, width, colour] = ['u_matrix', 'u_resolution', 'u_thickness', 'u_color'].map(uniform);
    return {
      render(params) {
        if (!pairs.length) return;
        const data = new Float32Array(pairs.length * CORNERS.length * 3);
        let n = 0;
        for (const [a, b] of pairs) {
          const [p, q] = [sigma.getNodeDisplayData(a), sigma.getNodeDisplayData(b)];
          if (!p || !q) continue;
          for (let i = 0; i < CORNERS.length; i += 2) data.set([p.x, p.y, q.x, q.y, CORNERS[i], CORNERS[i + 1]], (n++) * 6);
        }
        gl.bindFramebuffer(gl.FRAMEBUFFER, null);
        gl.useProgram(program);
        gl.bindVertexArray(vao);
        gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
        gl.bufferData(gl.ARRAY_BUFFER, data.subarray(0, n * 6), gl.DYNAMIC_DRAW);
        gl.uniformMatrix3fv(matrix, false, params.matrix);
        // Clip space is 2 units wide: a pixel is 2 / width of it (the normal is in pixels, halved).
        gl.uniform2f(resolution, params.width / 2, params.height / 2);
        gl.uniform1f(width, thickness / 2);
        gl.uniform4f(colour, rgb[0], rgb[1], rgb[2], 1);
        gl.drawArrays(gl.TRIANGLES, 0, n);
        gl.bindVertexArray(null);
      },
      kill() {
        gl.deleteBuffer(buffer);
        gl.deleteVertexArray(vao);
        gl.deleteProgram(program);
        for (const s of shaders) gl.deleteShader(s);
      },
    };
  });

  return {
    set(next) {
      pairs = next;
    },
  };
}
