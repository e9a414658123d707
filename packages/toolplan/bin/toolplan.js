#!/usr/bin/env node
// The `toolplan` command. A file of its own, not the built CLI itself: npm links a workspace's
// bin when it installs, before the build has made dist/ — in a fresh clone the link must have a
// file to point at.
await import('../dist/cli/main.js');
