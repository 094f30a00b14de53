#!/bin/sh
# A fake coding agent for cli mode tests. It picks its behaviour from a keyword in the prompt ($1).
prompt="$1"
case "$prompt" in
  *FAKE_WRITE*)
    mkdir -p f/evals
    printf 'export async function main(name: string) {\n  return { greeting: `Hello, ${name}!` };\n}\n' > f/evals/hello.ts
    printf '%s\n' '{"type":"assistant","message":{"content":[{"type":"tool_use","name":"Skill","input":{"skill":"write-script-bun"}}],"usage":{"input_tokens":100,"cache_read_input_tokens":20,"output_tokens":7}}}'
    printf '%s\n' '{"type":"assistant","message":{"content":[{"type":"tool_use","name":"Write","input":{"file_path":"f/evals/hello.ts"}}],"usage":{"input_tokens":150,"output_tokens":9}}}'
    printf '%s\n' '{"type":"result","result":"Wrote f/evals/hello.ts. Next run `wmill generate-metadata` then `wmill sync push`.","usage":{"input_tokens":250,"cache_read_input_tokens":20,"output_tokens":16}}'
    ;;
  *FAKE_PUSH*)
    wmill sync push --yes "it's ok"
    echo "exit=$?"
    echo "I pushed it."
    ;;
  *FAKE_TIMEOUT*)
    sleep 30 &
    echo "$!" > "$FAKE_PID_FILE"
    wait
    ;;
  *FAKE_ESCAPE*)
    echo leaked > ../leaked.txt
    ln -s /etc/hostname f/link.txt 2>/dev/null || { mkdir -p f && ln -s /etc/hostname f/link.txt; }
    echo "Done."
    ;;
  *)
    echo "Nothing to do."
    ;;
esac
