package scan

import "encoding/binary"

// Orientation is an EXIF/TIFF orientation (tag 0x0112): how the stored
// pixels are turned or mirrored for display. 1 is upright; 3 is turned
// by half a turn; 6 and 8 are turned by a quarter turn (a phone held
// upright); 2, 4, 5 and 7 are the mirrored forms.
type Orientation int

// swapsSides reports whether the displayed image's width is the stored
// image's height.
func (o Orientation) swapsSides() bool { return o >= 5 && o <= 8 }

const tagOrientation = 0x0112

// jpegOrientation returns the orientation in a JPEG's EXIF APP1 segment,
// 1 when it has none or the segment cannot be read. Only the markers
// before the first scan are looked at; every length is checked against
// the data.
func jpegOrientation(data []byte) Orientation {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return 1
	}
	i := 2
	for i+4 <= len(data) {
		if data[i] != 0xFF {
			return 1
		}
		marker := data[i+1]
		switch {
		case marker == 0xFF: // fill byte
			i++
			continue
		case marker == 0xD8 || marker == 0x01 || marker >= 0xD0 && marker <= 0xD7:
			i += 2
			continue
		case marker == 0xDA || marker == 0xD9: // start of scan, end of image
			return 1
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return 1
		}
		seg := data[i+4 : i+2+n]
		if marker == 0xE1 && len(seg) >= 6 && string(seg[:6]) == "Exif\x00\x00" {
			if o := tiffOrientation(seg[6:]); o != 1 {
				return o
			}
		}
		i += 2 + n
	}
	return 1
}

// tiffOrientation returns the orientation tag of the first IFD of TIFF
// data (an EXIF payload or a TIFF file), 1 when absent or unreadable.
func tiffOrientation(t []byte) Orientation {
	if len(t) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 1
	}
	if bo.Uint16(t[2:]) != 42 {
		return 1
	}
	off := int64(bo.Uint32(t[4:]))
	if off < 8 || off+2 > int64(len(t)) {
		return 1
	}
	count := int64(bo.Uint16(t[off:]))
	for k := int64(0); k < count; k++ {
		e := off + 2 + 12*k
		if e+12 > int64(len(t)) {
			return 1
		}
		if bo.Uint16(t[e:]) != tagOrientation {
			continue
		}
		// SHORT (3), count 1: the value sits in the first two bytes of
		// the value field.
		if bo.Uint16(t[e+2:]) != 3 || bo.Uint32(t[e+4:]) != 1 {
			return 1
		}
		if v := Orientation(bo.Uint16(t[e+8:])); v >= 1 && v <= 8 {
			return v
		}
		return 1
	}
	return 1
}

// pngOrientation returns the orientation in a PNG's eXIf chunk (TIFF
// data, before the image data), 1 when it has none.
func pngOrientation(data []byte) Orientation {
	const sig = 8
	i := sig
	for i+12 <= len(data) {
		n := int64(binary.BigEndian.Uint32(data[i:]))
		typ := string(data[i+4 : i+8])
		end := int64(i) + 12 + n
		if n > int64(len(data)) || end > int64(len(data)) {
			return 1
		}
		switch typ {
		case "eXIf":
			return tiffOrientation(data[i+8 : i+8+int(n)])
		case "IDAT", "IEND":
			return 1
		}
		i = int(end)
	}
	return 1
}
