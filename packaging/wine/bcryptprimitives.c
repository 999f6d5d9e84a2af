/*
 * Test-only stand-in for Windows' bcryptprimitives.dll, copied into a Wine
 * prefix by the smoke test. Go 1.22 and later get their random numbers from
 * ProcessPrng in that DLL, which Wine 8.0 (Debian 12) lacks: without it the
 * kiosk stops at once with "bcryptprimitives.dll not found". Real Windows 10
 * and 11 have the DLL; this file is never shipped.
 */
#include <windows.h>
#include <ntsecapi.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
        if (!RtlGenRandom(data, chunk))
            return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
