#ifndef GROUPLEDGER_COPENSSL_SHIM_H
#define GROUPLEDGER_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#endif
