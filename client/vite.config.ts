import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// Where the dev server sends API calls; ATLAS_API_URL points it at another running server.
const api = process.env.ATLAS_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [vue()],
  // Compile-time flags of Vue and vue-i18n: drop the Options API, the legacy i18n API and devtools hooks.
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/graphql': api,
      '/healthz': api,
      // `/api` itself is the explorer page; only `/api/…` (exports) is served by the API.
      '^/api/': api,
      '/boundaries': api,
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rollupOptions: {
      // GraphiQL's React dependencies carry "use client" directives meant for server components.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
