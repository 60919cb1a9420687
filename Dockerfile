# zec-emulator image: two stages on the same glibc base, so better-sqlite3's native binding built
# in the first stage loads in the second. Small (slim base, production dependencies only), runs as
# the unprivileged `node` user, listens on 0.0.0.0, and keeps a file database under /data when
# asked: docker run -p 8790:8790 -v zec-data:/data -e ZEC_DB=/data/zec.db zec-emulator
FROM node:20-bookworm-slim AS build
WORKDIR /app
# Toolchain for better-sqlite3 when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.ui.json ./
COPY scripts ./scripts
COPY src ./src
COPY schemas ./schemas
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8790
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY fixtures ./fixtures
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 8790
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8790)+'/_emulator/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/src/server.js"]
