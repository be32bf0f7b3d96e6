/// <reference types="vitest/config" />
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every script, style sheet and SVG of the build, once, at the
 * highest levels; the API sends the smallest one the browser accepts (WebUiConfiguration, EncodedResourceResolver).
 */
function precompress(): Plugin {
  return {
    name: 'scf-precompress',
    apply: 'build',
    // after the files are written: earlier hooks see chunks before Vite's last rewrites (its preload helper)
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      for (const file of Object.values(bundle)) {
        if (!/\.(js|css|svg|html|json)$/.test(file.fileName)) continue;
        const bytes = readFileSync(join(dir, file.fileName));
        if (bytes.length < 1024) continue;
        const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
        writeFileSync(join(dir, `${file.fileName}.br`), brotli);
        writeFileSync(join(dir, `${file.fileName}.gz`), gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

// Dev server: the API runs on 127.0.0.1:8080 (scripts/up.sh); SCF_API_URL points elsewhere.
const api = process.env.SCF_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/v3/api-docs': { target: api, changeOrigin: false },
      '/actuator/health': { target: api, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    // Ant Design is not one chunk: each page pulls only the components it uses, and the login page stays light.
    // The chart library is reached only through components/Chart, which only chart pages import.
    chunkSizeWarningLimit: 800,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    css: false,
    // the first render of an Ant Design form takes seconds on a loaded 2-core CI machine
    testTimeout: 20_000,
  },
});
