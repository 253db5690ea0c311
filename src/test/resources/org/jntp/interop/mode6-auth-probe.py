"""Signs mode 6 requests with NTPsec's Authenticator and checks the MAC of every answer with it.

usage: mode6-auth-probe.py KEYSFILE ADDRESS KEYID:OPCODE:DATA...
prints one line per answer datagram: KEYID OPCODE error=0|1 more=0|1 mac=ok|bad|none
"""
import socket
import struct
import sys

from ntp.packet import Authenticator

HEADER = "!BBHHHHH"


def request(auth, keyid, opcode, data):
    packet = struct.pack(HEADER, (2 << 3) | 6, opcode, 7, 0, 0, 0, len(data)) + data
    packet += b"\0" * (-len(packet) % 8)
    keytype, passwd = auth[keyid]
    return packet + Authenticator.compute_mac(packet, keyid, keytype, passwd)


def main():
    auth = Authenticator(sys.argv[1])
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.settimeout(5)
    for item in sys.argv[3:]:
        keyid, opcode, data = item.split(":", 2)
        sock.sendto(request(auth, int(keyid), int(opcode), data.encode()), (sys.argv[2], 123))
        more = True
        while more:
            answer = sock.recv(2048)
            count = struct.unpack("!H", answer[10:12])[0]
            end = (12 + count + 7) & ~7
            more = bool(answer[1] & 0x20)
            if len(answer) <= end:
                mac = "none"
            else:
                mac = "ok" if auth.verify_mac(answer, packet_end=end, mac_begin=end) else "bad"
            print(keyid, opcode, "error=%d" % bool(answer[1] & 0x40), "more=%d" % more, "mac=" + mac)


main()
