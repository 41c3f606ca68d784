# Production image (ADR 019). Build: docker build -t pdsa-tracker .
# Stage 1 installs and builds the app; stage 2 copies the result without build caches and runs it as the
# unprivileged `node` user. The server runs through tsx, as `pnpm start` does (compiling it was not
# measured yet: see ADR 019).
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@10.34.8
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY packages/analytics/package.json packages/analytics/
COPY packages/demo-district/package.json packages/demo-district/
COPY packages/domain/package.json packages/domain/
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts ./scripts
RUN pnpm install --frozen-lockfile
COPY . .
# Dependencies stay complete: the server runs through tsx, a development dependency.
RUN pnpm db:generate && pnpm build

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# exec form: SIGTERM reaches node itself (graceful shutdown, README).
CMD ["node", "--import", "tsx", "server/index.ts"]
