title="$1"
max_length="${2:-60}"

if [ -z "$title" ]; then
  echo "title must not be empty" >&2
  exit 1
fi

slug=$(printf '%s' "$title" \
  | tr '[:upper:]' '[:lower:]' \
  | sed -e 's/[^a-z0-9]\{1,\}/-/g' -e 's/^-//' -e 's/-$//' \
  | cut -c "1-$max_length")

echo "$slug"
