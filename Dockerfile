# syntax=docker/dockerfile:1
# Netpol Lab: multi-stage build, runs as a non-root user. Migrations and content seeding run on start
# (scripts/with-db.js with DATABASE_URL set), then `next start`. See docker-compose.yml.

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# The postinstall (prisma generate) needs the schema, its config and our Prisma wrapper.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
RUN npm ci
COPY . .
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts

FROM node:20-bookworm-slim AS runtime
# No proxy is trusted unless the deployment says so (deploy/kubernetes sets TRUST_PROXY_HOPS=1 for its ingress):
# with 0, the preload rewrites X-Forwarded-For from the socket, so a client cannot pick its own rate-limit
# bucket when the container is exposed directly (docker compose). See docs/operations.md.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PATH=/app/node_modules/.bin:$PATH \
    PORT=3000 \
    TRUST_PROXY_HOPS=0 \
    NODE_OPTIONS=--require=/app/lib/security/client-address-preload.cjs
WORKDIR /app
# uid/gid 10001 = runAsUser/runAsGroup in deploy/kubernetes/deployment.yaml (tests/deploy checks they agree);
# a numeric USER lets the kubelet verify runAsNonRoot without reading /etc/passwd.
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid 10001 --home-dir /app app
COPY --from=build --chown=10001:10001 /app ./
USER 10001:10001
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "scripts/with-db.js", "--mode", "start", "--", "next", "start", "-H", "0.0.0.0"]
