#!/usr/bin/env bash
# Regenerates custom-elements.json (and the files generated from it) from the COMMITTED sources at HEAD,
# in a temporary worktree, and commits them. For when other work in this tree is uncommitted: generating
# here would describe that work too, and the check on a clean checkout would then fail.
set -euo pipefail
top=$(git rev-parse --show-toplevel)
wt=$(mktemp -d)
git -C "$top" worktree add -q --detach "$wt" HEAD
trap 'git -C "$top" worktree remove --force "$wt"' EXIT
ln -s "$top/node_modules" "$wt/node_modules"
(cd "$wt" && npx cem analyze --config custom-elements-manifest.config.mjs >/dev/null 2>&1 && node scripts/generate-from-manifest.mjs >/dev/null)
changed=()
for f in custom-elements.json src/react/index.ts src/react/jsx.ts src/vue/index.ts vscode.html-custom-data.json web-types.json; do
  if [ -f "$wt/$f" ] && { git -C "$top" ls-files --error-unmatch "$f" >/dev/null 2>&1 || [ "$f" = custom-elements.json ]; }; then
    if ! cmp -s "$wt/$f" <(git -C "$top" show "HEAD:$f" 2>/dev/null); then
      mkdir -p "$(dirname "$top/$f")"
      cp "$wt/$f" "$top/$f"
      changed+=("$f")
    fi
  fi
done
if [ ${#changed[@]} -eq 0 ]; then echo "generated files are up to date at HEAD"; exit 0; fi
git -C "$top" add -- "${changed[@]}"
git -C "$top" commit -q -m "Regenerate ${changed[*]} from the committed sources" -- "${changed[@]}"
echo "committed: ${changed[*]}"
