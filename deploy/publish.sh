#!/usr/bin/env bash
# Publishes a built site so that readers never see a half-uploaded one.
#
#   deploy/publish.sh [--keep N] [--id ID] SITE_DIR DEST
#
#   SITE_DIR  the output of `bangvang build` (it must hold index.html and 404.html)
#   DEST      the site's folder on the server: a path (/srv/bangvang) or, over
#             ssh, user@host:/srv/bangvang
#   --keep N  how many releases to keep, the published one included (default 5)
#   --id ID   a label for the release, e.g. the commit (default "manual")
#
# On the server:
#
#   DEST/releases/20250101T080000Z-<id>/   one complete site per publication
#   DEST/current -> releases/…              what nginx serves (deploy/nginx.conf:
#                                           @SITE_DIR@ = DEST/current)
#
# 1. The site is uploaded with rsync into releases/<name>.part/; files that did
#    not change are hard links to the current release, not uploaded again.
# 2. The stylesheets and scripts of the current release (fingerprinted names,
#    style.3f2a1c9b.css) are added to the new one, so a reader who opened a page
#    just before the switch still gets the files that page names.
# 3. The folder is renamed to releases/<name>/, then `current` is switched to it
#    in one step (a new symbolic link renamed over the old one: rename(2) is
#    atomic), so every request sees either the whole old site or the whole new.
# 4. Releases beyond the newest N are removed (never the published one), and so
#    are .part folders left by an interrupted upload.
#
# Going back to the previous release is one command on the server:
#   ln -sfn releases/<older> DEST/current.tmp && mv -T DEST/current.tmp DEST/current
#
# Two publications must not run at once (CI: one concurrency group).
set -euo pipefail

keep=5
id=manual
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep="$2"; shift 2 ;;
    --id) id="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    --*) echo "publish.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
if [ $# -ne 2 ]; then
  echo "usage: publish.sh [--keep N] [--id ID] SITE_DIR DEST" >&2
  exit 2
fi
site="${1%/}"
dest="${2%/}"
case "$keep" in
  ''|*[!0-9]*|0) echo "publish.sh: --keep takes a whole number of at least 1" >&2; exit 2 ;;
esac
for file in index.html 404.html; do
  if [ ! -f "$site/$file" ]; then
    echo "publish.sh: $site/$file is missing; is $site the output of bangvang build?" >&2
    exit 1
  fi
done
# Only letters, digits, dots, dashes and underscores in the release's name.
id="$(printf '%s' "$id" | tr -c 'A-Za-z0-9._-' '-')"
name="$(date -u +%Y%m%dT%H%M%SZ)-$id"

# user@host:/path is published over ssh; anything else is a local path.
host=
dir="$dest"
case "$dest" in
  /*|./*|../*) ;;
  *:*) host="${dest%%:*}"; dir="${dest#*:}" ;;
esac

# What runs on the server, as `sh -s -- STEP DIR NAME KEEP`.
server_steps='
set -eu
step="$1"; dir="$2"; name="$3"; keep="$4"
mkdir -p "$dir"
cd "$dir"
case "$step" in
prepare)
  mkdir -p releases
  if [ -e "releases/$name" ]; then
    echo "publish.sh: $dir/releases/$name exists already" >&2
    exit 1
  fi
  # Tells the uploader whether there is a release to share files with.
  if [ -d current/ ]; then echo current; fi
  ;;
switch)
  new="releases/$name"
  if [ -d current/ ]; then
    # Fingerprinted assets of the release being replaced.
    (cd current/ && find . -type f \( -name "*.css" -o -name "*.js" \)) | while read -r asset; do
      case "$asset" in
        *.[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f].css|*.[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f].js)
          if [ ! -e "$new.part/$asset" ]; then
            mkdir -p "$(dirname "$new.part/$asset")"
            ln "current/$asset" "$new.part/$asset" 2>/dev/null || cp -p "current/$asset" "$new.part/$asset"
          fi ;;
      esac
    done
  fi
  mv "$new.part" "$new"
  ln -sfn "$new" current.tmp
  mv -T current.tmp current
  echo "published $dir/$new"
  # Keep the newest releases; names start with the UTC time, so they sort.
  published="$(readlink current)"
  for old in $(ls -1d releases/*/ 2>/dev/null | sed "s:/\$::" | grep -v "[.]part\$" | sort -r | tail -n +"$((keep + 1))"); do
    if [ "$old" != "$published" ]; then rm -rf "$old"; echo "removed $dir/$old"; fi
  done
  for part in releases/*.part; do
    if [ -d "$part" ]; then rm -rf "$part"; echo "removed the unfinished upload $dir/$part"; fi
  done
  ;;
esac
'

# Quotes a word for the remote shell.
quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

on_server() {
  if [ -n "$host" ]; then
    ssh "$host" "sh -s -- $(quote "$1") $(quote "$dir") $(quote "$name") $(quote "$keep")" <<<"$server_steps"
  else
    sh -s -- "$1" "$dir" "$name" "$keep" <<<"$server_steps"
  fi
}

has_current="$(on_server prepare)"
link_dest=()
if [ "$has_current" = current ]; then
  # Relative to the folder being written: releases/<name>.part/ → current/.
  link_dest=(--link-dest=../../current/)
fi
# --checksum: a rebuilt but unchanged file (same bytes, new time) is linked,
# not uploaded; permissions are what nginx (www-data) needs to read.
rsync -r -l --checksum --delete --chmod=D755,F644 "${link_dest[@]}" \
  "$site/" "$dest/releases/$name.part/"
on_server switch
