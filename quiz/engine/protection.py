"""Secrets at rest protected by Windows DPAPI (user scope): only the same Windows account can read them back."""

from __future__ import annotations

import ctypes
import sys
from typing import Protocol

# Mixed into every DPAPI call, so another program of the same account cannot simply ask DPAPI for our secret.
_ENTROPY = b"hoctap-nghi-quyet:unit-key"
_UI_FORBIDDEN = 0x1


class ProtectionFailed(Exception):
    """The protected bytes could not be read back (another Windows account or PC, or damaged data)."""


class Protector(Protocol):
    """Turns a secret into bytes only this protector can turn back."""

    name: str

    def protect(self, secret: bytes) -> bytes: ...

    def unprotect(self, protected: bytes) -> bytes: ...


class _Blob(ctypes.Structure):
    _fields_ = [("size", ctypes.c_uint32), ("data", ctypes.POINTER(ctypes.c_char))]


def _blob(data: bytes) -> tuple[_Blob, ctypes.Array[ctypes.c_char]]:
    buffer = ctypes.create_string_buffer(data, len(data))
    return _Blob(len(data), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char))), buffer


class WindowsDataProtection:
    """CryptProtectData / CryptUnprotectData of crypt32.dll in the current user's scope."""

    name = "dpapi"

    def protect(self, secret: bytes) -> bytes:
        return self._call("CryptProtectData", secret)

    def unprotect(self, protected: bytes) -> bytes:
        return self._call("CryptUnprotectData", protected)

    @staticmethod
    def _call(function_name: str, data: bytes) -> bytes:
        if sys.platform != "win32":
            raise ProtectionFailed("DPAPI exists only on Windows")
        source, _source_buffer = _blob(data)
        entropy, _entropy_buffer = _blob(_ENTROPY)
        result = _Blob()
        function = getattr(ctypes.windll.crypt32, function_name)
        description = ctypes.c_wchar_p("Học tập Nghị quyết") if function_name == "CryptProtectData" else None
        arguments = (ctypes.byref(source), description, ctypes.byref(entropy), None, None, _UI_FORBIDDEN)
        if not function(*arguments, ctypes.byref(result)):
            raise ProtectionFailed(f"{function_name} failed with Windows error {ctypes.GetLastError()}")
        try:
            return ctypes.string_at(result.data, result.size)
        finally:
            ctypes.windll.kernel32.LocalFree(result.data)


def system_protector() -> Protector | None:
    """DPAPI on Windows; elsewhere None (the secret is stored as before, guarded only by the file's permissions)."""
    return WindowsDataProtection() if sys.platform == "win32" else None
