# CloudAI Dashboard behind nginx. Build:   docker build -t cloudai-dashboard .
#                                  Run:     docker run -p 8080:8080 -e CLOUDAI_MASTER_URL=http://master:8080 cloudai-dashboard
# Configured at every start by the same variables as `npm run serve` (README, "Deploying"):
# deploy/nginx/render.ts checks them, stops with a message on a bad one, and writes the nginx
# configuration from deploy/nginx/nginx.conf.template, which CI runs through real nginx.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The app, and the configuration renderer bundled to run on plain Node.
RUN npm run build && npm run build:deploy

FROM node:20-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends nginx-light libnginx-mod-http-brotli-static \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/dist/cloudai-dashboard/browser /usr/share/cloudai-dashboard
COPY --from=build /app/dist/deploy /opt/cloudai-dashboard
ENV HOST=0.0.0.0 \
    PORT=8080 \
    BASE_PATH=/ \
    DIST_DIR=/usr/share/cloudai-dashboard \
    RUNTIME_DIR=/tmp/cloudai-dashboard
# nginx runs as an unprivileged user: everything it writes is under RUNTIME_DIR.
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s \
  CMD node -e "fetch('http://127.0.0.1:' + process.env.PORT + process.env.BASE_PATH.replace(/\/?$/, '/') + '_dashboard/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["/bin/sh", "-c", "node /opt/cloudai-dashboard/render.mjs && exec nginx -c \"$RUNTIME_DIR/nginx.conf\" -e stderr"]
