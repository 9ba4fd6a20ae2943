// got itself, for src/http/client.ts. `npm run build` bundles this file with got's dependencies into
// one (scripts/bundle-got.mjs): got is some seventy modules, and one file loads in about half their time
// before a command's first request.
export {default} from 'got'
