package main

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// screen is Xvfb's framebuffer, mapped from the XWD file -fbdir keeps: what
// the X server shows, read without a request to it.
type screen struct {
	mem           []byte
	pixels        int // offset of the first pixel
	width, height int
	stride, bpp   int
	seed          maphash.Seed
}

func mapScreen(fbDir string) (*screen, error) {
	f, err := os.Open(filepath.Join(fbDir, "Xvfb_screen0"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	mem, err := syscall.Mmap(int(f.Fd()), 0, int(info.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, err
	}
	// XWD header: big-endian CARD32 fields, then ncolors 12-byte colours.
	field := func(i int) int { return int(binary.BigEndian.Uint32(mem[4*i:])) }
	s := &screen{mem: mem, width: field(4), height: field(5), bpp: field(11) / 8, stride: field(12), seed: maphash.MakeSeed()}
	s.pixels = field(0) + 12*field(19)
	if s.bpp != 4 || s.pixels+s.stride*s.height > len(mem) {
		return nil, fmt.Errorf("unexpected Xvfb screen file: %d bytes per pixel, %d×%d", s.bpp, s.width, s.height)
	}
	return s, nil
}

// hash is a hash of every 4th pixel of every 4th row: a step, a question or
// a pressed button changes far more than that grid can miss, and it reads
// in a fraction of a millisecond.
func (s *screen) hash() uint64 {
	var h maphash.Hash
	h.SetSeed(s.seed)
	row := make([]byte, 0, s.width)
	for y := 0; y < s.height; y += 4 {
		line := s.mem[s.pixels+y*s.stride:]
		row = row[:0]
		for x := 0; x < s.width; x += 4 {
			row = append(row, line[x*4:x*4+3]...)
		}
		h.Write(row)
	}
	return h.Sum64()
}

// changeAfter polls the screen every millisecond until it differs from
// before, and returns when it did; ok is false after timeout.
func (s *screen) changeAfter(before uint64, timeout time.Duration) (at time.Time, ok bool) {
	deadline := time.Now().Add(timeout)
	for {
		now := time.Now()
		if s.hash() != before {
			return now, true
		}
		if now.After(deadline) {
			return now, false
		}
		time.Sleep(time.Millisecond)
	}
}

// settle waits until the screen has not changed for quiet (a frame is
// drawn, and any fade after it), at most timeout, and returns its hash:
// a blinking cursor never settles, and its screen is taken as it is.
func (s *screen) settle(quiet, timeout time.Duration) uint64 {
	h := s.hash()
	since := time.Now()
	for deadline := since.Add(timeout); time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
		if n := s.hash(); n != h {
			h, since = n, time.Now()
		} else if time.Since(since) >= quiet {
			break
		}
	}
	return h
}

// brightness is the mean of the sampled channels, from 0 (black) to 1.
func (s *screen) brightness() float64 {
	var sum, n int
	for y := 0; y < s.height; y += 16 {
		line := s.mem[s.pixels+y*s.stride:]
		for x := 0; x < s.width; x += 16 {
			sum += int(line[x*4]) + int(line[x*4+1]) + int(line[x*4+2])
			n += 3
		}
	}
	return float64(sum) / float64(n) / 255
}
