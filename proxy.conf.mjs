// Dev-server proxy: the browser talks same-origin to the dashboard, which forwards the
// master's paths. The real master only allows CORS from http://localhost:3000, so a
// same-origin proxy is the only setup that works from any host and port.
const target = process.env.CLOUDAI_MASTER_URL || 'http://127.0.0.1:8080';

const forwarded = { target, changeOrigin: true, secure: false };

export default {
  '/api': forwarded,
  '/ws': { ...forwarded, ws: true },
  '/health': forwarded,
  '/telemetry': forwarded,
};
