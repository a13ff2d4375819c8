#!/usr/bin/env bash
# Takes the README's screenshots (docs/images/preview-*.png) with the same Chromium the browser tests drive: the
# sample site in Development with the preview panel, logged in as Jane, as Zoë (the hostile-name user), and as kiosk-7
# (only an id) on the support page.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

build/install-chromium.sh
# Zoë's name has Japanese letters and an emoji: without these fonts they would show as empty boxes.
if ! fc-list :lang=ja family | grep -q . || ! fc-list | grep -qi "color emoji"; then
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo -n"; fi
  echo "Installing the CJK and emoji fonts the screenshots show..."
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq fonts-noto-cjk fonts-noto-color-emoji >/dev/null
fi
mkdir -p docs/images
WIDGETIDENTITY_SCREENSHOTS="$PWD/docs/images" \
  dotnet test tests/WidgetIdentity.BrowserTests/WidgetIdentity.BrowserTests.csproj -c Release --filter "Category=Screenshots"
ls -l docs/images/preview-logged-in.png docs/images/preview-hostile-user.png docs/images/preview-fallback-name.png
