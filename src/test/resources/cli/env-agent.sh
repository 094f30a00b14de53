#!/bin/sh
# A careless coding agent: prints its whole environment on both streams and writes its API key
# into the script it creates.
env
env >&2
mkdir -p f/evals
printf 'export async function main(name: string) {\n  // key: %s\n  return { greeting: `Hello, ${name}!` };\n}\n' "$ANTHROPIC_API_KEY" > f/evals/hello.ts
echo "Wrote f/evals/hello.ts"
