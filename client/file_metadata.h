// Metadata in files a reviewer sends or saves: cleaning with mat2 (Debian's
// `mat2` package, run as a separate program) and a check for location data
// (GPS) in images, for a warning when mat2 is missing or cannot clean a
// file. Never a silent success: every failure is a Status saying what was
// not done.
//
// Blocking (runs a program, reads files): not on a GUI thread.
#ifndef DOJAVA_CLIENT_FILE_METADATA_H_
#define DOJAVA_CLIENT_FILE_METADATA_H_

#include <cstddef>
#include <string>

#include "base/status.h"

namespace dojava::client {

// How much of a file HasLocationMetadata reads: EXIF sits at the start of a
// JPEG, and a PNG's eXIf chunk is expected before the image data.
inline constexpr size_t kMetadataScanBytes = 256 * 1024;

// True if `mat2` is found on PATH.
bool Mat2Available();

// Runs `mat2 -- PATH`, which writes a metadata-stripped copy beside it
// (NAME.cleaned.EXT); that copy's path. kNotFound if mat2 is not installed,
// kIoError if it failed (an unsupported format, a damaged file).
Result<std::string> CleanWithMat2(const std::string& path);

// True if the file is a JPEG, PNG or TIFF image whose EXIF data holds a GPS
// block (where the picture was taken). False for other files and images
// without one. kIoError if the file cannot be read.
Result<bool> HasLocationMetadata(const std::string& path);

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_FILE_METADATA_H_
