import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` starts the local API on HP_PORT and Vite in front of it; /api goes through this proxy.
const apiTarget = process.env.HP_DEV_API_URL ?? 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [react()],
  build: {
    manifest: true,
    sourcemap: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
