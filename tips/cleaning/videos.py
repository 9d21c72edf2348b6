"""Videos: remuxed by ffmpeg into the same container, keeping only picture and sound.

The ffmpeg binary is the one the imageio-ffmpeg wheel ships, so nothing needs installing
on the server. Streams are copied, not re-encoded (fast, and no loss of quality), and:

- only video streams that are not cover pictures (``0:V``) and audio streams are kept:
  data tracks (an iPhone's timed location and other "mebx" metadata, timecodes) and
  subtitles are dropped;
- global, per-stream and chapter metadata are not copied (``-map_metadata -1`` and per
  stream), which removes a phone's location (``com.apple.quicktime.location.ISO6709``,
  ``©xyz``), make, model, software and creation time;
- ``+bitexact`` stops ffmpeg writing its own version and a timestamp.

What stays is the encoded picture and sound themselves, including any notes an encoder
wrote inside the video bitstream (such as the encoder's name and settings).

The input format is forced from what sniffing found, and only local files may be read:
ffmpeg never gets to guess a playlist or a concat script that would make it read other
files or reach the network.
"""

import subprocess

from imageio_ffmpeg import get_ffmpeg_exe

from .refusals import Reason, Refused

DEMUXERS = {"mp4": "mov", "mov": "mov", "webm": "matroska"}
MUXERS = {"mp4": "mp4", "mov": "mov", "webm": "webm"}
# Copying streams of a 25 MB file takes well under a second; a file that keeps ffmpeg
# busy this long is not a video we want.
TIMEOUT_SECONDS = 120


def remux_video(source, destination, file_type):
    """Write ``source`` to ``destination`` without metadata; raises ``Refused`` on failure."""
    command = [
        get_ffmpeg_exe(),
        "-nostdin",
        "-hide_banner",
        "-loglevel", "error",
        "-protocol_whitelist", "file",
        "-f", DEMUXERS[file_type],
        "-i", str(source),
        "-map", "0:V",
        "-map", "0:a?",
        "-c", "copy",
        "-map_metadata", "-1",
        "-map_metadata:s:v", "-1",
        "-map_metadata:s:a", "-1",
        "-map_chapters", "-1",
        "-fflags", "+bitexact",
        "-flags:v", "+bitexact",
        "-flags:a", "+bitexact",
        "-f", MUXERS[file_type],
        "-y", str(destination),
    ]  # fmt: skip
    try:
        finished = subprocess.run(  # noqa: S603 (fixed arguments, our own file names)
            command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except subprocess.TimeoutExpired:
        destination.unlink(missing_ok=True)
        raise Refused(Reason.NOT_CLEANED) from None
    if finished.returncode != 0 or not destination.exists() or not destination.stat().st_size:
        destination.unlink(missing_ok=True)
        # ffmpeg found no video in it, or could not rewrite it: either way it is not kept.
        raise Refused(Reason.NOT_CLEANED)
    return None
