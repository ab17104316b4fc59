// Builds the task pane and the ribbon FunctionFile into dist/, with the manifest and icons beside them.
//
//   npm run build                 production build; https://localhost:3000/ in manifest*.xml becomes
//                                 ADDIN_PUBLIC_URL (default https://localhost:3000/)
//   npm run build:dev / watch     development build; the manifest keeps https://localhost:3000/
//   npm run dev-server            https://localhost:3000 (HTTPS=0 for plain http)
//   npm run preview               the standalone page (standalone.html: the pane over an .xlsx the user opens,
//                                 without office.js) at http://localhost:3000/standalone.html
//
// office.js is never bundled: taskpane.html loads it from Microsoft's CDN. The pane's first screen is one
// entry (split into a few files by splitChunks); what only some users need comes later through import():
// the .xlsx reader/writer of the standalone mode and the analysis core. exceljs never reaches the pane.
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const DEV_SERVER_PORT = 3000;
const DEV_CERTS_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

/** The address the production manifest points at; always https, always ending in "/". */
function publicUrl() {
  const url = (process.env.ADDIN_PUBLIC_URL || DEV_URL).trim();
  const withSlash = url.endsWith("/") ? url : `${url}/`;
  if (!/^https:\/\/[^/\s]+\//.test(withSlash)) {
    throw new Error(`ADDIN_PUBLIC_URL must be an https:// address, got "${url}"`);
  }
  return withSlash;
}

function rewriteManifest(content, url) {
  return content.toString().split(DEV_URL).join(url);
}

/**
 * Certificates for the dev server, best first:
 * 1. office-addin-dev-certs, when it is installed and can trust its CA (it needs sudo on Linux);
 * 2. the files it leaves in ~/.office-addin-dev-certs (it writes them before trying to install the CA);
 * 3. none: webpack-dev-server then makes a self-signed certificate that Office will not trust.
 */
async function devServerHttpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    console.warn(`office-addin-dev-certs unavailable (${reason}); looking in ${DEV_CERTS_DIR}`);
  }
  const file = (name) => path.join(DEV_CERTS_DIR, name);
  if (fs.existsSync(file("localhost.key")) && fs.existsSync(file("localhost.crt"))) {
    return {
      key: fs.readFileSync(file("localhost.key")),
      cert: fs.readFileSync(file("localhost.crt")),
      ...(fs.existsSync(file("ca.crt")) ? { ca: fs.readFileSync(file("ca.crt")) } : {}),
    };
  }
  console.warn("No development certificate found; serving with a self-signed one Office will not trust.");
  return undefined;
}

async function devServerConfig(preview) {
  if (preview) {
    return { port: DEV_SERVER_PORT, host: "localhost", server: { type: "http" }, hot: false, liveReload: false, client: false };
  }
  const plainHttp = process.env.HTTPS === "0";
  const httpsOptions = plainHttp ? undefined : await devServerHttpsOptions();
  return {
    hot: true,
    port: DEV_SERVER_PORT,
    headers: { "Access-Control-Allow-Origin": "*" },
    server: plainHttp ? { type: "http" } : { type: "https", ...(httpsOptions ? { options: httpsOptions } : {}) },
  };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const url = dev ? DEV_URL : publicUrl();

  return {
    devtool: "source-map",
    entry: {
      taskpane: ["./src/taskpane/index.tsx", "./src/taskpane/taskpane.html"],
      commands: ["./src/commands/commands.ts", "./src/commands/commands.html"],
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      clean: true,
    },
    optimization: {
      // Vendor code of the first screen in files of its own (cached across releases); async chunks as they come.
      splitChunks: {
        chunks: "all",
        cacheGroups: { vendor: { test: /[\\/]node_modules[\\/]/, name: "vendor", chunks: "initial", priority: 10 } },
      },
    },
    // The pane's size is watched by bench/taskpane.ts (taskpane.initial_js_gzip_kb), not by webpack's hints.
    performance: { hints: false },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".html"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        {
          // The pages are entries too (as in the yo office template), so editing them rebuilds and
          // assets they reference are bundled; HtmlWebpackPlugin writes the pages themselves.
          test: /\.html$/,
          exclude: /node_modules/,
          use: "html-loader",
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "standalone.html",
        template: "./src/taskpane/standalone.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : rewriteManifest(content, url)),
          },
        ],
      }),
    ],
    devServer: env && env.WEBPACK_SERVE ? await devServerConfig(Boolean(env.preview)) : undefined,
  };
};
