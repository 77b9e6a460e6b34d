// XXH3, the fast non-cryptographic hash of Debian's libxxhash-dev.
#include <xxhash.h>
